package uk.gov.observatory.access;

import static uk.gov.observatory.access.Permission.AMEND_NOTIFICATION;
import static uk.gov.observatory.access.Permission.ANALYTICS;
import static uk.gov.observatory.access.Permission.CODE_CASES;
import static uk.gov.observatory.access.Permission.EXPORT;
import static uk.gov.observatory.access.Permission.IMPORT;
import static uk.gov.observatory.access.Permission.LEAD_ANALYSES;
import static uk.gov.observatory.access.Permission.MANAGE_ACCOUNTS;
import static uk.gov.observatory.access.Permission.MANAGE_CASES;
import static uk.gov.observatory.access.Permission.MANAGE_LIBRARY;
import static uk.gov.observatory.access.Permission.MANAGE_REFERENCE_DATA;
import static uk.gov.observatory.access.Permission.NOTIFY;
import static uk.gov.observatory.access.Permission.PUBLISH_STATISTICS;
import static uk.gov.observatory.access.Permission.READ_AUDIT;
import static uk.gov.observatory.access.Permission.READ_CASES;
import static uk.gov.observatory.access.Permission.READ_IDENTIFYING_DETAILS;
import static uk.gov.observatory.access.Permission.READ_LCSPRS;
import static uk.gov.observatory.access.Permission.READ_NOTIFICATIONS;
import static uk.gov.observatory.access.Permission.RECORD_PANEL_VIEW;
import static uk.gov.observatory.access.Permission.SUBMIT_REVIEWS;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person is, as a named set of {@link Permission}s (least privilege). Notifiers and
 * partnerships are further limited to their local authorities by the account's scope.
 */
public enum Role {
  /** A local authority's notifier: notifies and amends for its own local authorities. */
  LA_NOTIFIER(
      Scope.LOCAL_AUTHORITIES,
      NOTIFY,
      AMEND_NOTIFICATION,
      READ_NOTIFICATIONS,
      READ_IDENTIFYING_DETAILS),
  /** A safeguarding partnership: reads its authorities' cases, writes their reviews. */
  PARTNERSHIP(Scope.PARTNERSHIP, READ_NOTIFICATIONS, READ_CASES, SUBMIT_REVIEWS),
  /** The Panel's secretariat: everything about cases and the register, no accounts. */
  PANEL_SECRETARIAT(
      Scope.ALL,
      NOTIFY,
      AMEND_NOTIFICATION,
      READ_NOTIFICATIONS,
      READ_IDENTIFYING_DETAILS,
      READ_CASES,
      READ_LCSPRS,
      SUBMIT_REVIEWS,
      MANAGE_CASES,
      RECORD_PANEL_VIEW,
      IMPORT,
      EXPORT,
      ANALYTICS,
      MANAGE_REFERENCE_DATA,
      READ_AUDIT,
      PUBLISH_STATISTICS,
      LEAD_ANALYSES,
      CODE_CASES,
      MANAGE_LIBRARY),
  /** A Panel member: reads every case except those withdrawn from, records the Panel's views. */
  PANEL_MEMBER(
      Scope.ALL,
      READ_NOTIFICATIONS,
      READ_IDENTIFYING_DETAILS,
      READ_CASES,
      RECORD_PANEL_VIEW,
      CODE_CASES),
  /**
   * DfE or Ofsted: reads notifications and local reviews (with their published reports), never the
   * identifying details; writes nothing.
   */
  INSPECTOR(Scope.ALL, READ_NOTIFICATIONS, READ_LCSPRS),
  /** Accounts and roles only; no case data. */
  ADMIN(Scope.NONE, MANAGE_ACCOUNTS);

  /** Whose records a role's permissions reach. */
  public enum Scope {
    /** The local authorities named on the account ({@code --la}). */
    LOCAL_AUTHORITIES,
    /** The authorities of the account's safeguarding partnership ({@code --partnership}). */
    PARTNERSHIP,
    /** Every local authority. */
    ALL,
    /** No case data at all. */
    NONE
  }

  private final Scope scope;
  private final Set<Permission> permissions;

  Role(Scope scope, Permission... permissions) {
    this.scope = scope;
    this.permissions = Collections.unmodifiableSet(EnumSet.of(permissions[0], permissions));
  }

  /** The role's name for people to read. */
  public String label() {
    return switch (this) {
      case LA_NOTIFIER -> "Local authority notifier";
      case PARTNERSHIP -> "Safeguarding partnership";
      case PANEL_SECRETARIAT -> "Panel secretariat";
      case PANEL_MEMBER -> "Panel member";
      case INSPECTOR -> "Inspector (DfE or Ofsted)";
      case ADMIN -> "Administrator";
    };
  }

  /** What the role may do, in a sentence, for the pages that give a role. */
  public String description() {
    return switch (this) {
      case LA_NOTIFIER -> "Notifies serious incidents for their own local authorities.";
      case PARTNERSHIP ->
          "Writes the rapid reviews and local reviews of its own safeguarding partnership.";
      case PANEL_SECRETARIAT ->
          "Runs the register: every case, imports, exports, analytics, thematic analyses and the"
              + " audit log.";
      case PANEL_MEMBER ->
          "Reads every case, records the Panel's views and codes the cases of thematic analyses.";
      case INSPECTOR -> "Reads notifications, never a child's identifying details.";
      case ADMIN -> "Manages accounts only; sees no case data.";
    };
  }

  public Scope scope() {
    return scope;
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }
}
