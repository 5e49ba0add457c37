package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import uk.gov.observatory.notification.NotificationRegister;

@ApiTest
class NotificationsApiTest {

  @Autowired MockMvc mvc;
  @Autowired NotificationRegister register;
  @Autowired uk.gov.observatory.audit.AuditLog audit;

  private ResultActions notify(Map<String, Object> body) throws Exception {
    return mvc.perform(
        post("/api/v1/notifications")
            .contentType(MediaType.APPLICATION_JSON)
            .content(Bodies.json(body)));
  }

  private ResultActions notify(Map<String, Object> body, String idempotencyKey) throws Exception {
    return mvc.perform(
        post("/api/v1/notifications")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", idempotencyKey)
            .content(Bodies.json(body)));
  }

  private static String ref(MvcResult result) throws Exception {
    return JsonPath.read(result.getResponse().getContentAsString(), "$.notification_ref");
  }

  @Test
  void a_notification_is_created_with_a_reference_of_its_notified_year_and_can_be_read_back()
      throws Exception {
    MvcResult created =
        notify(Bodies.death())
            .andExpect(status().isCreated())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.notification_ref", matchesPattern("SIN-2020-\\d{5}")))
            .andExpect(jsonPath("$.la_code").value("E09000033"))
            .andExpect(jsonPath("$.local_authority_name").value("Westminster"))
            .andExpect(jsonPath("$.incident_date").value("2020-06-01"))
            .andExpect(jsonPath("$.aware_date").value("2020-06-02"))
            .andExpect(jsonPath("$.notified_date").value("2020-06-05"))
            .andExpect(jsonPath("$.notification_type").value("DEATH"))
            .andExpect(jsonPath("$.death_category").value("SUDI"))
            .andExpect(jsonPath("$.harm_category").value(nullValue()))
            .andExpect(jsonPath("$.imd_decile").value(3))
            .andExpect(
                jsonPath(
                    "$.case_characteristics",
                    containsInAnyOrder("DOMESTIC_ABUSE", "PARENTAL_DRUG_MISUSE")))
            .andExpect(jsonPath("$.domestic_abuse_pattern").value("FATHER_TO_MOTHER"))
            .andExpect(jsonPath("$.csc_involvement").value("CHILD_IN_NEED"))
            .andExpect(jsonPath("$.court_order").value("NONE"))
            .andExpect(jsonPath("$.living_arrangement").value("AT_HOME"))
            .andExpect(jsonPath("$.covid_factors[0]").value("PARENTAL_FAMILY_STRESSORS"))
            .andExpect(jsonPath("$.children", hasSize(1)))
            .andExpect(jsonPath("$.children[0].child_seq").value(1))
            .andExpect(jsonPath("$.children[0].gender").value("MALE"))
            .andExpect(jsonPath("$.children[0].age_years").value(0))
            .andExpect(jsonPath("$.children[0].ethnicity").value("WBRI"))
            .andReturn();
    String ref = ref(created);
    assertThat(created.getResponse().getHeader("Location"))
        .isEqualTo("/api/v1/notifications/" + ref);
    assertNoIdentifyingDetails(created.getResponse().getContentAsString());

    MvcResult read =
        mvc.perform(get("/api/v1/notifications/" + ref))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.notification_ref").value(ref))
            .andExpect(jsonPath("$.death_category").value("SUDI"))
            .andExpect(jsonPath("$.children[0].gender").value("MALE"))
            .andExpect(jsonPath("$.timeliness.working_days_to_notify").exists())
            .andReturn();
    assertNoIdentifyingDetails(read.getResponse().getContentAsString());
    assertThat(JsonPath.<Map<String, Object>>read(read.getResponse().getContentAsString(), "$"))
        .isEqualTo(
            JsonPath.<Map<String, Object>>read(created.getResponse().getContentAsString(), "$"));

    // the identifying details were stored all the same (the register keeps them)
    assertThat(register.find(ref).orElseThrow().children().get(0).childName())
        .isEqualTo("Test Child");
  }

  @Test
  void numbers_may_be_given_as_json_numbers() throws Exception {
    Map<String, Object> body = Bodies.seriousHarm();
    body.put("imd_decile", 7);
    Bodies.child(body, 0).put("age_years", 4);
    Bodies.child(body, 0).put("child_seq", 1);
    notify(body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imd_decile").value(7))
        .andExpect(jsonPath("$.children[0].age_years").value(4))
        .andExpect(jsonPath("$.children[1].age_years").value(6));
  }

  @Test
  void identifying_details_are_in_no_response_not_the_list_either() throws Exception {
    Map<String, Object> body = Bodies.seriousHarm();
    Bodies.child(body, 1).put("child_name", "Synthetic Name");
    Bodies.child(body, 1).put("date_of_birth", "2015-01-01");
    notify(body).andExpect(status().isCreated());
    MvcResult list =
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isOk()).andReturn();
    assertThat(JsonPath.<Integer>read(list.getResponse().getContentAsString(), "$.total"))
        .isEqualTo(1);
    assertNoIdentifyingDetails(list.getResponse().getContentAsString());
    assertThat(list.getResponse().getContentAsString())
        .doesNotContain("Synthetic Name", "2015-01-01");
  }

  private static void assertNoIdentifyingDetails(String json) {
    assertThat(json).doesNotContain("child_name", "date_of_birth", "Test Child", "2020-01-15");
  }

  @Test
  void timeliness_counts_working_days_around_easter_2021_bank_holidays() throws Exception {
    // Aware Wed 31 Mar 2021, notified Thu 8 Apr 2021. Working days d with 31 Mar < d <= 8 Apr:
    // Thu 1, Tue 6, Wed 7, Thu 8 = 4 (Good Friday 2 Apr and Easter Monday 5 Apr are bank holidays,
    // 3-4 Apr a weekend): not late. Rapid review due: the 15th working day after 8 Apr:
    // 9 (1), 12-16 (2-6), 19-23 (7-11), 26, 27, 28, 29 (12-15) -> Thu 29 Apr 2021.
    Map<String, Object> body = Bodies.death();
    body.put("incident_date", "2021-03-30");
    body.put("aware_date", "2021-03-31");
    body.put("notified_date", "2021-04-08");
    Bodies.child(body, 0).put("date_of_birth", null);
    notify(body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.notification_ref", matchesPattern("SIN-2021-\\d{5}")))
        .andExpect(jsonPath("$.timeliness.working_days_to_notify").value(4))
        .andExpect(jsonPath("$.timeliness.late_notification").value(false))
        .andExpect(jsonPath("$.timeliness.rapid_review_due_date").value("2021-04-29"));

    // Notified Mon 12 Apr: 1, 6, 7, 8, 9, 12 Apr = 6 working days: late. Due: 13-16 (1-4),
    // 19-23 (5-9), 26-30 (10-14), Mon 3 May is the early May bank holiday, Tue 4 May (15).
    body.put("notified_date", "2021-04-12");
    notify(body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.timeliness.working_days_to_notify").value(6))
        .andExpect(jsonPath("$.timeliness.late_notification").value(true))
        .andExpect(jsonPath("$.timeliness.rapid_review_due_date").value("2021-05-04"));
  }

  @Test
  void timeliness_counts_working_days_around_the_christmas_2020_bank_holidays() throws Exception {
    // Aware Fri 18 Dec 2020, notified Tue 29 Dec 2020. Working days d with 18 Dec < d <= 29 Dec:
    // Mon 21, Tue 22, Wed 23, Thu 24, Tue 29 = 5 (25 Dec Christmas and Mon 28 Dec, the substitute
    // Boxing Day, are bank holidays; 19-20 and 26-27 are weekends), so not late (late is > 5).
    // Rapid review due: the 15th working day after 29 Dec: 30, 31 Dec (1 Jan is a bank holiday),
    // 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18, 19, 20 Jan -> Wed 20 Jan 2021.
    Map<String, Object> body = Bodies.death();
    body.put("incident_date", "2020-12-17");
    body.put("aware_date", "2020-12-18");
    body.put("notified_date", "2020-12-29");
    Bodies.child(body, 0).put("date_of_birth", "2020-06-01");
    notify(body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.notification_ref", matchesPattern("SIN-2020-\\d{5}")))
        .andExpect(jsonPath("$.timeliness.working_days_to_notify").value(5))
        .andExpect(jsonPath("$.timeliness.late_notification").value(false))
        .andExpect(jsonPath("$.timeliness.rapid_review_due_date").value("2021-01-20"));

    // One day later it is the 6th working day: late. Due: 31 Dec, 4..8, 11..15, 18..21 Jan -> 21
    // Jan.
    body.put("notified_date", "2020-12-30");
    notify(body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.timeliness.working_days_to_notify").value(6))
        .andExpect(jsonPath("$.timeliness.late_notification").value(true))
        .andExpect(jsonPath("$.timeliness.rapid_review_due_date").value("2021-01-21"));
  }

  @Test
  void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_stores_nothing_new()
      throws Exception {
    MvcResult first = notify(Bodies.death(), "key-1").andExpect(status().isCreated()).andReturn();
    MvcResult retry = notify(Bodies.death(), "key-1").andExpect(status().isCreated()).andReturn();

    assertThat(ref(retry)).isEqualTo(ref(first));
    assertThat(retry.getResponse().getHeader("Location"))
        .isEqualTo(first.getResponse().getHeader("Location"));
    assertThat(retry.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
    assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(register.count()).isEqualTo(1);

    // without a key (or with another) the same body is a new notification
    notify(Bodies.death(), "key-2").andExpect(status().isCreated());
    assertThat(register.count()).isEqualTo(2);
  }

  @Test
  void concurrent_requests_with_the_same_idempotency_key_store_one_notification() throws Exception {
    // Nothing but the key's own unique index puts these in line (issue 19: no counter row lock):
    // the losers' transactions roll back (their notification and audit entry with them) and they
    // answer as the winner did.
    int threads = 8;
    long lastAuditId =
        audit.search(null, null, null, null, 1, 1).items().stream()
            .mapToLong(e -> e.id())
            .max()
            .orElse(0);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<MvcResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return notify(Bodies.seriousHarm(), "same-key").andReturn();
                }));
      }
      start.countDown();
      List<String> refs = new ArrayList<>();
      for (Future<MvcResult> f : results) {
        MvcResult r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        refs.add(ref(r));
      }
      assertThat(refs).containsOnly(refs.get(0));
      assertThat(register.count()).isEqualTo(1);
      // One CREATED entry for it: the losers' entries went with their transactions.
      assertThat(audit.search(null, refs.get(0), "CREATED", null, null, 1).items())
          .filteredOn(e -> e.id() > lastAuditId)
          .hasSize(1);
      assertThat(audit.verify().intact()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void the_same_idempotency_key_with_a_different_body_is_refused() throws Exception {
    notify(Bodies.death(), "key-3").andExpect(status().isCreated());
    Map<String, Object> other = Bodies.death();
    other.put("imd_decile", "4");
    notify(other, "key-3")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.type").value("urn:observatory:problem:idempotency-key-reused"))
        .andExpect(
            jsonPath(
                "$.detail",
                matchesPattern(
                    ".*Idempotency-Key was already used with a different request body.*")));
    assertThat(register.count()).isEqualTo(1);
  }

  @Test
  void a_notification_breaking_several_rules_gets_one_error_per_field_and_nothing_is_stored()
      throws Exception {
    Map<String, Object> body = Bodies.death();
    body.put("la_code", "E99999999");
    body.put("death_category", null);
    body.put("incident_date", "2020-06-10");
    body.put("aware_date", "2020-06-05");
    body.put("notified_date", "2026-12-01");
    Bodies.child(body, 0).put("age_years", 19);
    Bodies.child(body, 0).put("date_of_birth", null);
    notify(body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:observatory:problem:invalid-notification"))
        .andExpect(jsonPath("$.title").exists())
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.detail").exists())
        .andExpect(jsonPath("$.instance").value("/api/v1/notifications"))
        .andExpect(jsonPath("$.errors", hasSize(5)))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder(
                    "la_code",
                    "death_category",
                    "children[1].age_years",
                    "aware_date",
                    "notified_date")))
        .andExpect(jsonPath("$.errors[?(@.field == 'children[1].age_years')].value").value("19"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'children[1].age_years')].reason")
                .value(
                    "is out of range: a whole number of years from 0 to 17 (the age on the incident"
                        + " date)"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'notified_date')].reason")
                .value(
                    "is in the future (today is 26 November 2026): it must be today or earlier"));
    assertThat(register.count()).isZero();
  }

  @Test
  void a_reference_the_register_does_not_hold_is_a_404_problem() throws Exception {
    mvc.perform(get("/api/v1/notifications/SIN-2020-99999"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.title").value("Not Found"))
        .andExpect(
            jsonPath("$.detail")
                .value("The register holds no notification with the reference 'SIN-2020-99999'."))
        .andExpect(jsonPath("$.instance").value("/api/v1/notifications/SIN-2020-99999"));
  }

  @Test
  void the_list_filters_by_local_authority_type_and_notified_dates_and_pages() throws Exception {
    notify(Bodies.death())
        .andExpect(status().isCreated()); // Westminster, DEATH, notified 2020-06-05
    notify(Bodies.seriousHarm()).andExpect(status().isCreated()); // Leeds, SERIOUS_HARM, 2021-03-12
    Map<String, Object> later = Bodies.death();
    later.put("incident_date", "2021-01-04");
    later.put("aware_date", "2021-01-05");
    later.put("notified_date", "2021-01-08");
    Bodies.child(later, 0).put("date_of_birth", null);
    notify(later).andExpect(status().isCreated()); // Westminster, DEATH, 2021-01-08

    mvc.perform(get("/api/v1/notifications"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.pages").value(1))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(
            jsonPath(
                "$.items[*].notified_date", contains("2021-03-12", "2021-01-08", "2020-06-05")));
    mvc.perform(get("/api/v1/notifications").param("la", "E09000033"))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[*].la_code", contains("E09000033", "E09000033")));
    mvc.perform(get("/api/v1/notifications").param("type", "SERIOUS_HARM"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].la_code").value("E08000035"))
        .andExpect(jsonPath("$.items[0].children", hasSize(2)));
    mvc.perform(get("/api/v1/notifications").param("from", "2021-01-08").param("to", "2021-03-11"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].notified_date").value("2021-01-08"));
    mvc.perform(
            get("/api/v1/notifications")
                .param("la", "E09000033")
                .param("type", "DEATH")
                .param("to", "2020-12-31"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].notified_date").value("2020-06-05"));

    mvc.perform(get("/api/v1/notifications").param("size", "2"))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.pages").value(2))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items", hasSize(2)));
    mvc.perform(get("/api/v1/notifications").param("size", "2").param("page", "2"))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].notified_date").value("2020-06-05"));
    mvc.perform(
            get("/api/v1/notifications")
                .param("sort", "notified_date")
                .param("order", "asc")
                .param("size", "1"))
        .andExpect(jsonPath("$.pages").value(3))
        .andExpect(jsonPath("$.items[0].notified_date").value("2020-06-05"));
  }

  @Test
  void bad_search_parameters_are_a_400_problem_listing_each() throws Exception {
    mvc.perform(
            get("/api/v1/notifications")
                .param("size", "0")
                .param("from", "notadate")
                .param("colour", "red"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:observatory:problem:invalid-parameters"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("size", "from", "colour")))
        .andExpect(jsonPath("$.errors[?(@.field == 'size')].value").value("0"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'size')].reason")
                .value("must be a whole number from 1 to 200"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'from')].reason")
                .value("is not a date: use YYYY-MM-DD, from 1900-01-01 to 2100-12-31"));
    mvc.perform(get("/api/v1/notifications").param("type", "NOPE").param("la", "X"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("la", "type")));
  }
}
