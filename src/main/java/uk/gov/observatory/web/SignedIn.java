package uk.gov.observatory.web;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in, as the pages see it: a name and the permissions granted (as authorities named
 * {@value #PERMISSION} followed by the permission's name).
 */
public final class SignedIn {

  /** The prefix of a permission's authority. */
  public static final String PERMISSION = "PERM_";

  private SignedIn() {}

  /** The signed-in person's name, or null. */
  public static String name(Principal principal) {
    return principal == null ? null : principal.getName();
  }

  /** The signed-in person's permissions by name (for the menu): empty when not signed in. */
  public static Set<String> permissions(Principal principal) {
    Set<String> may = new HashSet<>();
    if (principal instanceof Authentication a) {
      for (var granted : a.getAuthorities()) {
        String name = granted.getAuthority();
        if (name != null && name.startsWith(PERMISSION)) {
          may.add(name.substring(PERMISSION.length()));
        }
      }
    }
    return may;
  }

  /** Whether the signed-in person (null: nobody) has the permission of this name. */
  public static boolean may(Principal principal, String permission) {
    return permissions(principal).contains(permission);
  }
}
