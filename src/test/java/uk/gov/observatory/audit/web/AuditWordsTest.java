package uk.gov.observatory.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit log's entries in words (issue 15: no SIGN_IN_SUCCEEDED, no 0:0:0:0:0:0:0:1). */
class AuditWordsTest {

  @Test
  void actionsHaveLabelsAndNewOnesReadAsWords() {
    assertThat(AuditWords.action("SIGN_IN_SUCCEEDED")).isEqualTo("Signed in");
    assertThat(AuditWords.action("IDENTIFYING_DETAILS_SHOWN"))
        .isEqualTo("Identifying details shown");
    assertThat(AuditWords.action("ACCOUNT_UNLOCKED")).isEqualTo("Account unlocked");
    assertThat(AuditWords.actions()).containsEntry("ACCESS_REFUSED", "Access refused");
  }

  @Test
  void peopleAndAddressesAreReadable() {
    assertThat(AuditWords.person("anonymous@0:0:0:0:0:0:0:1"))
        .isEqualTo("Not signed in, on this computer");
    assertThat(AuditWords.person("anonymous@192.0.2.7")).isEqualTo("Not signed in, from 192.0.2.7");
    assertThat(AuditWords.person("anonymous@2001:db8:0:0:0:0:0:1"))
        .isEqualTo("Not signed in, from 2001:db8::1");
    assertThat(AuditWords.person("cli:root")).isEqualTo("Command line (root)");
    assertThat(AuditWords.person("jane.notifier")).isEqualTo("jane.notifier");
    assertThat(AuditWords.details("password and authenticator code from 0:0:0:0:0:0:0:1"))
        .isEqualTo("password and authenticator code from this computer");
  }

  @Test
  void jsonDetailsReadAsFieldsWithSeparatorsAndUkDates() {
    assertThat(
            AuditWords.details(
                "{\"notifications\":1212,\"children\":1276,\"replaced\":0,\"replaced_refs\":[]}"))
        .isEqualTo("Notifications: 1,212; Children: 1,276; Replaced: 0");
    assertThat(AuditWords.details("{\"tables\":[\"H\"],\"from\":\"2025-01-01\",\"region\":null}"))
        .isEqualTo("Tables: H; From: 1 January 2025");
  }

  @Test
  void recordsLinkToTheirPages() {
    assertThat(AuditWords.recordHref("notification", "SIN-2020-00001"))
        .isEqualTo("/notifications/SIN-2020-00001");
    assertThat(AuditWords.recordHref("rapid_review", "SIN-2020-00001"))
        .isEqualTo("/notifications/SIN-2020-00001");
    assertThat(AuditWords.recordHref("account", "jane")).isNull();
    assertThat(AuditWords.recordType("yearly_report")).isEqualTo("Yearly report");
  }
}
