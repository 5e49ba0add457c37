package uk.gov.observatory.audit.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.observatory.audit.AuditAction;

/**
 * The audit log in words a person reads: each action by its label ("Signed in", not {@code
 * SIGN_IN_SUCCEEDED}), who did it ("Not signed in, on this computer", not {@code
 * anonymous@0:0:0:0:0:0:0:1}), the record by its kind and reference, and the details with network
 * addresses written readably and figures with thousands separators.
 */
final class AuditWords {

  private AuditWords() {}

  private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put(AuditAction.SIGN_IN_SUCCEEDED.name(), "Signed in");
    ACTIONS.put(AuditAction.SIGN_IN_FAILED.name(), "Sign-in failed");
    ACTIONS.put(AuditAction.VIEWED.name(), "Viewed");
    ACTIONS.put(AuditAction.IDENTIFYING_DETAILS_SHOWN.name(), "Identifying details shown");
    ACTIONS.put(AuditAction.CREATED.name(), "Created");
    ACTIONS.put(AuditAction.UPDATED.name(), "Changed");
    ACTIONS.put(AuditAction.DELETED.name(), "Deleted");
    ACTIONS.put(AuditAction.IMPORTED.name(), "Imported");
    ACTIONS.put(AuditAction.EXPORTED.name(), "Downloaded (exported)");
    ACTIONS.put(AuditAction.REPORTED.name(), "Analytics report produced");
    ACTIONS.put(AuditAction.ACCESS_REFUSED.name(), "Access refused");
  }

  private static final Map<String, String> RECORD_TYPES =
      Map.of(
          "notification", "Notification",
          "rapid_review", "Rapid review",
          "lcspr", "Local review",
          "challenge", "Challenge",
          "response_letter", "Response letter",
          "yearly_report", "Yearly report",
          "report", "Analytics tables",
          "account", "Account",
          "api_token", "API token",
          "request", "Web address");

  /** Record types whose reference is a notification's, shown by the notification's page. */
  private static final java.util.Set<String> ON_A_NOTIFICATION =
      java.util.Set.of("notification", "rapid_review", "challenge", "response_letter");

  /** Every action, code and label, in the order the filter offers them. */
  static Map<String, String> actions() {
    Map<String, String> all = new LinkedHashMap<>();
    for (AuditAction a : AuditAction.values()) {
      all.put(a.name(), action(a.name()));
    }
    return all;
  }

  /** The label of an action ("Signed in"); an action without one by its name in words. */
  static String action(String code) {
    if (code == null) {
      return "";
    }
    String label = ACTIONS.get(code);
    return label != null ? label : words(code);
  }

  /** "ACCOUNT_UNLOCKED" or "yearly_report" as "Account unlocked" and "Yearly report". */
  static String words(String code) {
    String w = code.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** Who an entry names, as a person reads it. */
  static String person(String actor) {
    if (actor == null || actor.isBlank()) {
      return "Unknown";
    }
    if (actor.equals("system")) {
      return "Observatory itself (automatic)";
    }
    if (actor.equals("anonymous")) {
      return "Not signed in";
    }
    if (actor.startsWith("anonymous@")) {
      return "Not signed in, " + from(actor.substring("anonymous@".length()));
    }
    if (actor.startsWith("cli:")) {
      return "Command line (" + actor.substring("cli:".length()) + ")";
    }
    return actor;
  }

  /** "on this computer" for the machine's own address, else "from 192.0.2.1". */
  static String from(String address) {
    return isLocal(address) ? "on this computer" : "from " + readable(address);
  }

  static boolean isLocal(String address) {
    String a = address.strip();
    return a.equals("0:0:0:0:0:0:0:1")
        || a.equals("::1")
        || a.equals("127.0.0.1")
        || a.equals("localhost")
        || a.equals("0:0:0:0:0:ffff:7f00:1");
  }

  /** An IPv6 address in its short form (2001:db8::1); anything else as it is. */
  static String readable(String address) {
    if (!address.contains(":") || address.contains("::")) {
      return address;
    }
    try {
      java.net.InetAddress a = java.net.InetAddress.getByName(address);
      if (a instanceof java.net.Inet6Address) {
        return shortIpv6(a.getHostAddress());
      }
    } catch (java.net.UnknownHostException | SecurityException e) {
      // not an address: as written
    }
    return address;
  }

  private static String shortIpv6(String full) {
    String s = full.replaceAll("%.*$", "");
    // the longest run of zero groups becomes "::"
    String[] groups = s.split(":");
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].matches("0+")) {
        j++;
      }
      if (j - i > bestLength && j - i > 1) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    if (bestStart < 0) {
      return s;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(
            ":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }

  /** The kind of record ("Notification"), or its type in words. */
  static String recordType(String type) {
    if (type == null) {
      return "";
    }
    String label = RECORD_TYPES.get(type);
    return label != null ? label : words(type);
  }

  /** The page of the record, where it has one; null where not. */
  static String recordHref(String type, String ref) {
    if (type == null || ref == null || ref.isBlank()) {
      return null;
    }
    if (ON_A_NOTIFICATION.contains(type) && ref.matches("[A-Z]{2,5}-[0-9]{4}-[0-9]{1,9}")) {
      return "/notifications/" + ref;
    }
    if (type.equals("lcspr") && ref.matches("[A-Za-z0-9-]{1,40}")) {
      return "/lcsprs/" + ref;
    }
    return null;
  }

  /** The record's reference as shown: a report's table codes with spaces after the commas. */
  static String recordRef(String type, String ref) {
    if (ref == null) {
      return "";
    }
    return "report".equals(type) ? ref.replace(",", ", ") : ref;
  }

  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![0-9A-Za-z:.])((?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4})(?![0-9A-Za-z:])");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The details in words: a JSON object as "Notifications: 1,212; Children: 1,276", addresses of
   * this computer as "this computer" and other IPv6 addresses in their short form.
   */
  static String details(String details) {
    if (details == null || details.isBlank()) {
      return "";
    }
    String d = details.strip();
    if (d.startsWith("{") && d.endsWith("}")) {
      try {
        JsonNode node = JSON.readTree(d);
        if (node.isObject()) {
          return fields(node);
        }
      } catch (RuntimeException e) {
        // not JSON after all: as written
      }
    }
    return addresses(d);
  }

  private static String fields(JsonNode node) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      JsonNode v = f.getValue();
      if (v == null || v.isNull() || (v.isArray() && v.isEmpty())) {
        continue;
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(words(f.getKey())).append(": ").append(value(f.getKey(), v));
    }
    return out.toString();
  }

  private static String value(String key, JsonNode v) {
    if (v.isIntegralNumber()) {
      return String.format(Locale.UK, "%,d", v.longValue());
    }
    if (v.isArray()) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      v.forEach(e -> parts.add(value(key, e)));
      return String.join(", ", parts);
    }
    if (v.isObject()) {
      return "(" + fields(v) + ")";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "yes" : "no";
    }
    String text = v.asString();
    if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      try {
        return uk.gov.observatory.web.Fmt.dateOf(java.time.LocalDate.parse(text));
      } catch (java.time.DateTimeException e) {
        return text;
      }
    }
    return addresses(text);
  }

  private static String addresses(String text) {
    Matcher m = ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String a = m.group(1);
      m.appendReplacement(
          out, Matcher.quoteReplacement(isLocal(a) ? "this computer" : readable(a)));
    }
    m.appendTail(out);
    return out.toString()
        .replace("from 127.0.0.1", "from this computer")
        .replace("from ::1", "from this computer");
  }
}
