package uk.gov.observatory.learning;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.learning.InvalidAnalysisException.Problem;
import uk.gov.observatory.learning.internal.AnalysisStore;
import uk.gov.observatory.learning.internal.AnalysisStore.Candidate;
import uk.gov.observatory.learning.internal.AnalysisStore.StoredCase;
import uk.gov.observatory.learning.internal.LearningCsv;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * Thematic analyses: created and scoped by the secretariat (permission LEAD_ANALYSES), drawn, coded
 * by assigned coders (CODE_CASES), resolved and published. Every change is audited; bad input is
 * refused with an {@link InvalidAnalysisException} naming what is wrong, nothing half-stored.
 *
 * <p>Who sees what: a viewer holding LEAD_ANALYSES sees and changes every analysis; a viewer
 * holding CODE_CASES sees the analyses in which they are assigned a case, and only their own
 * codings (blind); anyone else sees none ({@link AnalysisNotFoundException}). A viewer who may see
 * an analysis but not do what they ask is refused with {@link AnalysisNotPermittedException}.
 *
 * <p>Draws: see {@link Sampling} for how cases are drawn from a seed.
 */
@Service
public class ThematicAnalyses {

  /** The audit log's record type for an analysis (its ref is the analysis's reference). */
  public static final String AUDIT_RECORD_TYPE = "thematic_analysis";

  /** What a reference may look like (TA-2020-01, COVID-2020, ...). */
  public static final Pattern REF = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

  /** What a code of a coding frame may look like (PARENTAL_FAMILY_STRESSORS). */
  public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

  public static final int MAX_TITLE = 300;
  public static final int MAX_QUESTION = 5_000;
  public static final int MAX_LABEL = 200;
  public static final int MAX_DEFINITION = 2_000;

  static final List<String> CODING_COLUMNS =
      List.of("analysis_ref", "notification_ref", "coder", "code", "value");
  static final List<String> FRAME_COLUMNS = List.of("code", "value", "label", "definition");

  private final AnalysisStore store;
  private final Accounts accounts;
  private final Viewers viewers;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  public ThematicAnalyses(
      AnalysisStore store,
      Accounts accounts,
      Viewers viewers,
      ReferenceData reference,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.accounts = accounts;
    this.viewers = viewers;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  private <T> T inTransaction(Supplier<T> work) {
    return tx.execute(status -> work.get());
  }

  // ================================================================== scoping

  /** Creates an analysis in SCOPING. */
  public Analysis create(NewAnalysis analysis, Viewer viewer) {
    requireLead(viewer, analysis == null ? null : analysis.ref(), "create thematic analyses");
    List<Problem> problems = new ArrayList<>();
    String ref = analysis.ref() == null || analysis.ref().isBlank() ? null : analysis.ref().strip();
    if (ref != null && !REF.matcher(ref).matches()) {
      problems.add(
          new Problem(
              "ref",
              "The reference '"
                  + ref
                  + "' must be 2 to 40 capital letters, numbers, hyphens or underscores, for"
                  + " example TA-2020-01"));
    }
    Account lead = checkScope(analysis, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          String made = ref;
          if (made == null) {
            int year = LocalDate.now(clock).getYear();
            made = String.format("TA-%d-%02d", year, store.lastNumber(year) + 1);
          } else if (store.idOf(made).isPresent()) {
            throw new InvalidAnalysisException(
                "ref",
                "There is already a thematic analysis " + made + ": choose another reference");
          }
          store.insert(
              made,
              analysis.title().strip(),
              blankToNull(analysis.question()),
              lead.id(),
              lead.username(),
              analysis.population(),
              clock.instant(),
              viewer.actor());
          Analysis stored = store.find(made).orElseThrow();
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.CREATED, AUDIT_RECORD_TYPE, made)
                  .withAfter(state(stored)));
          return stored;
        });
  }

  /** Changes an analysis's title, question, lead or population while it is being scoped. */
  public Analysis update(String ref, NewAnalysis analysis, Viewer viewer) {
    Analysis before = get(ref, viewer);
    requireLead(viewer, ref, "change this analysis");
    List<Problem> problems = new ArrayList<>();
    Account lead = checkScope(analysis, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis now = store.find(ref).orElseThrow();
          if (now.status() != AnalysisStatus.SCOPING) {
            throw new InvalidAnalysisException(
                "status",
                "The analysis is "
                    + now.status().label().toLowerCase(java.util.Locale.ROOT)
                    + ": its title, question, lead and population are kept as they were when its"
                    + " sample was drawn");
          }
          store.update(
              id,
              analysis.title().strip(),
              blankToNull(analysis.question()),
              lead.id(),
              lead.username(),
              analysis.population());
          Analysis after = store.find(ref).orElseThrow();
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withBefore(state(before))
                  .withAfter(state(after)));
          return after;
        });
  }

  /** The title, question, lead and population, checked: adds problems; returns the lead. */
  private Account checkScope(NewAnalysis analysis, List<Problem> problems) {
    if (analysis.title() == null || analysis.title().isBlank()) {
      problems.add(new Problem("title", "Enter the analysis's title"));
    } else if (analysis.title().strip().length() > MAX_TITLE) {
      problems.add(new Problem("title", "The title must be " + MAX_TITLE + " characters or fewer"));
    }
    if (analysis.question() != null && analysis.question().strip().length() > MAX_QUESTION) {
      problems.add(
          new Problem("question", "The question must be " + MAX_QUESTION + " characters or fewer"));
    }
    Account lead = null;
    if (analysis.lead() == null || analysis.lead().isBlank()) {
      problems.add(new Problem("lead", "Enter the username of the person who leads the analysis"));
    } else {
      lead = accounts.find(analysis.lead().strip()).orElse(null);
      if (lead == null) {
        problems.add(
            new Problem("lead", "There is no account named '" + analysis.lead().strip() + "'"));
      } else if (!lead.can(Permission.LEAD_ANALYSES)) {
        problems.add(
            new Problem(
                "lead",
                lead.username()
                    + " may not lead analyses: the lead must be an enabled account of the Panel's"
                    + " secretariat"));
        lead = null;
      }
    }
    if (analysis.population() == null) {
      problems.add(new Problem("population", "Choose the population the analysis draws from"));
    } else {
      checkPopulation("population", analysis.population(), problems);
    }
    return lead;
  }

  /** The population's dates and codes, checked (each problem names "population.FIELD"). */
  private void checkPopulation(String prefix, Population p, List<Problem> problems) {
    range(prefix, "incident", "incident date", p.incidentFrom(), p.incidentTo(), problems);
    range(prefix, "notified", "notified date", p.notifiedFrom(), p.notifiedTo(), problems);
    range(prefix, "received", "received date", p.receivedFrom(), p.receivedTo(), problems);
    codes(prefix, "types", CodeLists.NOTIFICATION_TYPE, "type", p.types(), problems);
    codes(
        prefix,
        "deathCategories",
        CodeLists.DEATH_CATEGORY,
        "category of death",
        p.deathCategories(),
        problems);
    codes(
        prefix,
        "harmCategories",
        CodeLists.HARM_CATEGORY,
        "category of harm",
        p.harmCategories(),
        problems);
    codes(prefix, "ageBands", "age_band", "age band", p.ageBands(), problems);
    codes(
        prefix,
        "caseCharacteristics",
        CodeLists.CASE_CHARACTERISTICS,
        "case characteristic",
        p.caseCharacteristics(),
        problems);
    codes(
        prefix,
        "practiceThemes",
        CodeLists.PRACTICE_THEMES,
        "practice theme",
        p.practiceThemes(),
        problems);
    codes(
        prefix,
        "lcsprDecisions",
        "rapid_review_decision",
        "rapid review decision",
        p.lcsprDecisions(),
        problems);
    Set<String> regionCodes = new HashSet<>();
    for (Region r : reference.regions()) {
      regionCodes.add(r.code());
    }
    for (String region : p.regions()) {
      if (!regionCodes.contains(region)) {
        problems.add(
            new Problem(
                prefix + ".regions",
                "'" + region + "' is not a region: choose from " + String.join(", ", regionCodes)));
      }
    }
    for (String la : p.laCodes()) {
      if (reference.localAuthority(la).isEmpty()) {
        problems.add(
            new Problem(
                prefix + ".laCodes",
                "'" + la + "' is not a local authority's GSS code (for example E09000033)"));
      }
    }
    if (p.covidFactor() != null
        && !Population.ANY_COVID_FACTOR.equals(p.covidFactor())
        && !reference.codeList(CodeLists.COVID_FACTORS).contains(p.covidFactor())) {
      problems.add(
          new Problem(
              prefix + ".covidFactor",
              "'"
                  + p.covidFactor()
                  + "' is not a COVID-19 factor: choose ANY or one of "
                  + reference.codeList(CodeLists.COVID_FACTORS).allowed()));
    }
  }

  private static void range(
      String prefix,
      String field,
      String words,
      LocalDate from,
      LocalDate to,
      List<Problem> problems) {
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(
          new Problem(
              prefix + "." + field + "To",
              "The last "
                  + words
                  + " ("
                  + ukDate(to)
                  + ") must be the same as or after the first ("
                  + ukDate(from)
                  + ")"));
    }
  }

  private void codes(
      String prefix,
      String field,
      String list,
      String words,
      Set<String> given,
      List<Problem> problems) {
    CodeList codes = reference.codeList(list);
    for (String code : given) {
      if (!codes.contains(code)) {
        problems.add(
            new Problem(
                prefix + "." + field,
                "'" + code + "' is not a " + words + ": choose from " + codes.allowed()));
      }
    }
  }

  /** The analysis (throws {@link AnalysisNotFoundException} when there is none to this viewer). */
  public Analysis get(String ref, Viewer viewer) {
    Analysis a = ref == null ? null : store.find(ref).orElse(null);
    if (a == null || !sees(a, viewer)) {
      throw new AnalysisNotFoundException(ref);
    }
    return a;
  }

  /**
   * Every analysis the viewer may see (the lead's: all; a coder's: those they code), newest first.
   */
  public List<Analysis> list(Viewer viewer) {
    if (viewer.can(Permission.LEAD_ANALYSES)) {
      return store.all();
    }
    if (viewer.can(Permission.CODE_CASES)) {
      return store.codedBy(viewer.actor());
    }
    return List.of();
  }

  /** How many notifications a population holds today (shown before anything is drawn). */
  public int count(Population population, Viewer viewer) {
    requireLead(viewer, null, "count populations");
    List<Problem> problems = new ArrayList<>();
    checkPopulation("population", population, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return store.count(population);
  }

  // ================================================================== frame

  /** Reads a coding frame CSV ({@code code, value, label, definition}); refuses bad lines. */
  public List<FrameCode> readFrame(Reader csv) {
    String file = "frame.csv";
    List<Problem> problems = new ArrayList<>();
    List<LearningCsv.Row> rows = LearningCsv.read(file, csv, FRAME_COLUMNS, problems);
    // each code's rows, in file order
    Map<String, List<LearningCsv.Row>> byCode = new LinkedHashMap<>();
    for (LearningCsv.Row row : rows) {
      String code = row.get("code");
      if (code.isEmpty()) {
        problems.add(LearningCsv.problem(file, row, "code", "enter the code on every row"));
        continue;
      }
      if (!CODE.matcher(code).matches()) {
        problems.add(
            LearningCsv.problem(
                file,
                row,
                "code",
                "a code is capital letters, numbers and underscores, starting with a letter (at"
                    + " most 60), for example PARENTAL_FAMILY_STRESSORS"));
        continue;
      }
      byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
    }
    List<FrameCode> frame = new ArrayList<>();
    for (Map.Entry<String, List<LearningCsv.Row>> e : byCode.entrySet()) {
      List<LearningCsv.Row> codeRows = e.getValue();
      LearningCsv.Row first = codeRows.get(0);
      String label = first.get("label");
      String definition = first.get("definition");
      boolean ok = true;
      if (label.isEmpty()) {
        problems.add(
            LearningCsv.problem(file, first, "label", "enter the code's label on its first row"));
        ok = false;
      } else if (label.length() > MAX_LABEL) {
        problems.add(
            LearningCsv.problem(
                file, first, "label", "a label is " + MAX_LABEL + " characters or fewer"));
        ok = false;
      }
      if (definition.isEmpty()) {
        problems.add(
            LearningCsv.problem(
                file,
                first,
                "definition",
                "enter the code's definition (what a coder codes it for) on its first row"));
        ok = false;
      } else if (definition.length() > MAX_DEFINITION) {
        problems.add(
            LearningCsv.problem(
                file,
                first,
                "definition",
                "a definition is " + MAX_DEFINITION + " characters or fewer"));
        ok = false;
      }
      Scale scale = null;
      for (Scale s : Scale.values()) {
        if (s.allows(first.get("value"))) {
          scale = s;
        }
      }
      Set<String> seen = new HashSet<>();
      for (LearningCsv.Row row : codeRows) {
        String value = row.get("value");
        if (row != first) {
          if (!row.get("label").isEmpty() && !row.get("label").equals(label)) {
            problems.add(
                LearningCsv.problem(
                    file,
                    row,
                    "label",
                    "differs from the label on line "
                        + first.line()
                        + " ('"
                        + label
                        + "'): leave it blank or give the same label"));
            ok = false;
          }
          if (!row.get("definition").isEmpty() && !row.get("definition").equals(definition)) {
            problems.add(
                LearningCsv.problem(
                    file,
                    row,
                    "definition",
                    "differs from the definition on line "
                        + first.line()
                        + ": leave it blank or give the same definition"));
            ok = false;
          }
        }
        if (scale == null) {
          problems.add(
              LearningCsv.problem(
                  file,
                  row,
                  "value",
                  "is not a value of a scale: a code is present or absent (Y, N) or an impact"
                      + " level (NONE, LOW, MEDIUM, HIGH)"));
          ok = false;
        } else if (!scale.allows(value)) {
          problems.add(
              LearningCsv.problem(
                  file,
                  row,
                  "value",
                  "code "
                      + e.getKey()
                      + " is on the scale "
                      + String.join(", ", scale.levels().keySet())
                      + " (from line "
                      + first.line()
                      + "): each of a code's rows names a value of the same scale"));
          ok = false;
        } else if (!seen.add(value)) {
          problems.add(
              LearningCsv.problem(
                  file, row, "value", "is already given for code " + e.getKey() + " above"));
          ok = false;
        }
      }
      if (ok && scale != null && !seen.equals(scale.levels().keySet())) {
        Set<String> missing = new LinkedHashSet<>(scale.levels().keySet());
        missing.removeAll(seen);
        problems.add(
            new Problem(
                LearningCsv.field(file, codeRows.get(codeRows.size() - 1).line(), "value"),
                "code "
                    + e.getKey()
                    + " needs a row for each value of its scale: "
                    + String.join(", ", missing)
                    + " missing"));
        ok = false;
      }
      if (ok) {
        frame.add(new FrameCode(e.getKey(), label, definition, scale));
      }
    }
    if (problems.isEmpty() && frame.isEmpty()) {
      problems.add(
          new Problem(
              LearningCsv.field(file, 2, null),
              "the frame has no codes: give at least one code, one row for each of its values"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return List.copyOf(frame);
  }

  /** Replaces the coding frame (while no case has been coded). */
  public Analysis frame(String ref, List<FrameCode> frame, Viewer viewer) {
    Analysis before = get(ref, viewer);
    requireLead(viewer, ref, "change the coding frame");
    List<Problem> problems = new ArrayList<>();
    if (frame == null || frame.isEmpty()) {
      problems.add(new Problem("frame", "The coding frame needs at least one code"));
    } else {
      Set<String> seen = new HashSet<>();
      for (FrameCode c : frame) {
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
          problems.add(
              new Problem(
                  "frame",
                  "'"
                      + c.code()
                      + "': a code is capital letters, numbers and underscores, starting with a"
                      + " letter"));
        } else if (!seen.add(c.code())) {
          problems.add(new Problem("frame", "The code " + c.code() + " is given twice"));
        }
        if (c.label() == null || c.label().isBlank() || c.label().length() > MAX_LABEL) {
          problems.add(
              new Problem(
                  "frame",
                  "Code " + c.code() + " needs a label of " + MAX_LABEL + " characters or fewer"));
        }
        if (c.definition() == null
            || c.definition().isBlank()
            || c.definition().length() > MAX_DEFINITION) {
          problems.add(
              new Problem(
                  "frame",
                  "Code "
                      + c.code()
                      + " needs a definition of "
                      + MAX_DEFINITION
                      + " characters or fewer"));
        }
        if (c.scale() == null) {
          problems.add(new Problem("frame", "Code " + c.code() + " needs a scale"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis now = store.find(ref).orElseThrow();
          if (now.status() == AnalysisStatus.ANALYSIS
              || now.status() == AnalysisStatus.PUBLISHED
              || store.codingCount(id) > 0) {
            throw new InvalidAnalysisException(
                "frame", "Cases have been coded with this frame: it can no longer be changed");
          }
          store.replaceFrame(id, frame);
          Analysis after = store.find(ref).orElseThrow();
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withBefore(frameState(before))
                  .withAfter(frameState(after)));
          return after;
        });
  }

  // ================================================================== draw

  /** Draws the sample (and control group): once, seeded, frozen; moves the analysis to CODING. */
  public Analysis draw(String ref, DrawRequest request, Viewer viewer) {
    get(ref, viewer);
    requireLead(viewer, ref, "draw this analysis's sample");
    List<Problem> problems = new ArrayList<>();
    if (request == null) {
      throw new InvalidAnalysisException("size", "Enter the sample's size or percentage");
    }
    if (request.size() == null && request.percent() == null) {
      problems.add(
          new Problem(
              "size",
              "Enter how many cases to draw (a number) or what percentage of the population (1 to"
                  + " 100)"));
    } else if (request.size() != null && request.percent() != null) {
      problems.add(
          new Problem("size", "Give either the number of cases or the percentage, not both"));
    } else if (request.size() != null && request.size() < 1) {
      problems.add(new Problem("size", "The sample's size must be 1 or more"));
    } else if (request.percent() != null
        && (request.percent().signum() <= 0
            || request.percent().compareTo(BigDecimal.valueOf(100)) > 0
            || request.percent().scale() > 2)) {
      problems.add(
          new Problem(
              "percent",
              "The percentage must be more than 0 and at most 100 (up to 2 decimal places)"));
    }
    if (request.controlSize() != null && request.controlSize() < 1) {
      problems.add(new Problem("control", "The control group's size must be 1 or more"));
    }
    if (request.control() != null && request.controlSize() == null) {
      problems.add(
          new Problem("control", "Enter the control group's size, or leave out its population"));
    }
    if (request.control() != null) {
      checkPopulation("control", request.control(), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          if (a.status() != AnalysisStatus.SCOPING || a.draw() != null) {
            throw new InvalidAnalysisException(
                "seed",
                "This analysis's sample was already drawn"
                    + (a.draw() == null ? "" : " (seed " + a.draw().seed() + ")")
                    + ": a sample is drawn once and kept");
          }
          List<Candidate> population = store.candidates(a.population());
          if (population.isEmpty()) {
            throw new InvalidAnalysisException(
                "population",
                "The population holds no notifications today: change it before drawing");
          }
          int size =
              request.size() != null
                  ? request.size()
                  : Sampling.sizeOf(request.percent(), population.size());
          if (size > population.size()) {
            throw new InvalidAnalysisException(
                "size",
                "The population holds "
                    + String.format("%,d", population.size())
                    + " notifications: the sample can be at most "
                    + String.format("%,d", population.size())
                    + " (asked for "
                    + String.format("%,d", size)
                    + ")");
          }
          if (size < 1) {
            throw new InvalidAnalysisException(
                "percent",
                request.percent().toPlainString()
                    + "% of "
                    + population.size()
                    + " notifications rounds to no case: choose a larger percentage");
          }
          Random random = Sampling.generator(request.seed());
          List<Candidate> sample = drawSample(population, size, request.stratify(), random);
          Population controlPopulation = null;
          List<Candidate> control = List.of();
          Integer controlAvailable = null;
          if (request.controlSize() != null) {
            controlPopulation =
                request.control() != null
                    ? request.control()
                    : Population.received(
                        a.population().receivedFrom(), a.population().receivedTo());
            Set<String> inSample = new HashSet<>();
            sample.forEach(c -> inSample.add(c.notificationRef()));
            List<Candidate> others =
                store.candidates(controlPopulation).stream()
                    .filter(c -> !inSample.contains(c.notificationRef()))
                    .toList();
            controlAvailable = others.size();
            if (request.controlSize() > others.size()) {
              throw new InvalidAnalysisException(
                  "control",
                  "The control group's population holds "
                      + String.format("%,d", others.size())
                      + " notifications not in the sample: the control group can be at most "
                      + String.format("%,d", others.size())
                      + " (asked for "
                      + String.format("%,d", request.controlSize())
                      + ")");
            }
            control = Sampling.draw(others, request.controlSize(), random);
          }
          int position = 1;
          for (Candidate c : sample) {
            store.insertCase(
                id, snapshot(c, Group.SAMPLE, position++), c.incidentDate(), c.firstChildAge());
          }
          position = 1;
          for (Candidate c : control) {
            store.insertCase(
                id, snapshot(c, Group.CONTROL, position++), c.incidentDate(), c.firstChildAge());
          }
          DrawRequest stored =
              new DrawRequest(
                  request.size(),
                  request.percent(),
                  request.seed(),
                  request.stratify(),
                  request.controlSize(),
                  request.control());
          store.drawn(
              id,
              stored,
              controlPopulation,
              population.size(),
              controlAvailable,
              clock.instant(),
              viewer.actor());
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("seed", request.seed());
          details.put("random", "java.util.Random");
          details.put("population", population.size());
          details.put("sample", sample.size());
          details.put("size", request.size());
          details.put(
              "percent", request.percent() == null ? null : request.percent().toPlainString());
          details.put("stratify", request.stratify().name());
          details.put("control_population", controlAvailable);
          details.put("control", control.size());
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withBefore(AuditJson.of(Map.of("status", a.status().name())))
                  .withAfter(AuditJson.of(Map.of("status", AnalysisStatus.CODING.name())))
                  .withDetails(
                      "drawn with seed "
                          + request.seed()
                          + ": "
                          + sample.size()
                          + " of "
                          + population.size()
                          + " in the sample"
                          + (controlAvailable == null
                              ? ""
                              : ", "
                                  + control.size()
                                  + " of "
                                  + controlAvailable
                                  + " in the control")
                          + " "
                          + AuditJson.of(details)));
          return store.find(ref).orElseThrow();
        });
  }

  /** The sample: simple, or stratum by stratum (in code order) with largest-remainder sizes. */
  private static List<Candidate> drawSample(
      List<Candidate> population, int size, Stratify stratify, Random random) {
    if (stratify == Stratify.NONE) {
      return Sampling.draw(population, size, random);
    }
    SortedMap<String, List<Candidate>> strata = new TreeMap<>();
    for (Candidate c : population) {
      strata.computeIfAbsent(stratum(c, stratify), k -> new ArrayList<>()).add(c);
    }
    SortedMap<String, Integer> sizes = new TreeMap<>();
    strata.forEach((k, v) -> sizes.put(k, v.size()));
    Map<String, Integer> drawn = Sampling.largestRemainder(sizes, size);
    List<Candidate> sample = new ArrayList<>();
    for (Map.Entry<String, List<Candidate>> s : strata.entrySet()) {
      sample.addAll(Sampling.draw(s.getValue(), drawn.get(s.getKey()), random));
    }
    return sample;
  }

  /** A case's stratum: its region, type, or category (of death for deaths, else of harm). */
  static String stratum(Candidate c, Stratify stratify) {
    String key =
        switch (stratify) {
          case REGION -> c.regionCode();
          case TYPE -> c.notificationType();
          case CATEGORY ->
              "DEATH".equals(c.notificationType()) ? c.deathCategory() : c.harmCategory();
          case NONE -> "";
        };
    return key == null ? "" : key;
  }

  private static AnalysisCase snapshot(Candidate c, Group group, int position) {
    return new AnalysisCase(
        c.notificationRef(),
        group,
        position,
        c.laCode(),
        c.regionCode(),
        c.notificationType(),
        c.deathCategory(),
        c.harmCategory(),
        c.ageBand(),
        CaseTheme.of(c.deathCategory(), c.harmCategory(), c.firstChildAge()).name(),
        false);
  }

  /** The drawn cases, sample then control, each flagged when it has left its population. */
  public List<AnalysisCase> cases(String ref, Viewer viewer) {
    Analysis a = get(ref, viewer);
    long id = store.idOf(ref).orElseThrow();
    List<StoredCase> stored = store.cases(id);
    if (stored.isEmpty()) {
      return List.of();
    }
    Set<String> visible = null;
    if (!viewer.can(Permission.LEAD_ANALYSES)) {
      visible = new HashSet<>();
      for (Assignment s : store.assignments(id)) {
        if (s.assigned(viewer.actor())) {
          visible.add(s.notificationRef());
        }
      }
    }
    Set<String> inPopulation = refs(store.candidates(a.population()));
    Set<String> inControl =
        a.draw() != null && a.draw().controlSize() != null
            ? refs(store.candidates(controlPopulation(a)))
            : Set.of();
    List<AnalysisCase> out = new ArrayList<>();
    for (StoredCase s : stored) {
      AnalysisCase c = s.snapshot();
      if (visible != null && !visible.contains(c.notificationRef())) {
        continue;
      }
      boolean still =
          c.group() == Group.SAMPLE
              ? inPopulation.contains(c.notificationRef())
              : inControl.contains(c.notificationRef());
      out.add(
          new AnalysisCase(
              c.notificationRef(),
              c.group(),
              c.position(),
              c.laCode(),
              c.regionCode(),
              c.notificationType(),
              c.deathCategory(),
              c.harmCategory(),
              c.ageBand(),
              c.caseTheme(),
              !still));
    }
    return out;
  }

  /** The population the control group was drawn from (stored when drawn). */
  private static Population controlPopulation(Analysis a) {
    return a.draw().control() != null
        ? a.draw().control()
        : Population.received(a.population().receivedFrom(), a.population().receivedTo());
  }

  private static Set<String> refs(List<Candidate> candidates) {
    Set<String> refs = new HashSet<>();
    candidates.forEach(c -> refs.add(c.notificationRef()));
    return refs;
  }

  // ================================================================== assignment

  /** A coder who may code: their account's id and their withdrawals. */
  private record Coder(String username, long id, Viewer viewer) {
    boolean withdrawnFrom(StoredCase c) {
      return viewer.withdrawals().stream()
          .anyMatch(w -> w.covers(c.snapshot().laCode(), c.incidentDate()));
    }
  }

  /** The coder, or null (with a problem added) when they may not code. */
  private Coder coder(String username, String field, List<Problem> problems) {
    Account account = username == null ? null : accounts.find(username).orElse(null);
    if (account == null) {
      problems.add(new Problem(field, "There is no account named '" + username + "'"));
      return null;
    }
    Viewer v = viewers.of(username);
    if (!account.enabled() || !v.can(Permission.CODE_CASES)) {
      problems.add(
          new Problem(
              field,
              username
                  + " may not code cases: a coder must be an enabled account of the Panel's"
                  + " secretariat or a Panel member"));
      return null;
    }
    return new Coder(username, account.id(), v);
  }

  /**
   * Assigns the drawn cases to coders in turn, with {@code doubleCodedPercent}% of them (rounded
   * half up, chosen with {@code seed}) given a second, different coder; never a case of an
   * authority a coder is withdrawn from.
   */
  public List<Assignment> assign(
      String ref, List<String> coders, int doubleCodedPercent, long seed, Viewer viewer) {
    get(ref, viewer);
    requireLead(viewer, ref, "assign coders");
    List<Problem> problems = new ArrayList<>();
    List<Coder> team = new ArrayList<>();
    if (coders == null || coders.isEmpty()) {
      problems.add(new Problem("coders", "Choose at least one coder"));
    } else {
      Set<String> seen = new HashSet<>();
      for (String name : coders) {
        if (!seen.add(name)) {
          problems.add(new Problem("coders", name + " is chosen twice"));
          continue;
        }
        Coder c = coder(name, "coders", problems);
        if (c != null) {
          team.add(c);
        }
      }
    }
    if (doubleCodedPercent < 0 || doubleCodedPercent > 100) {
      problems.add(
          new Problem("doubleCoded", "The share double-coded must be from 0 to 100 per cent"));
    } else if (doubleCodedPercent > 0 && coders != null && coders.size() < 2) {
      problems.add(
          new Problem("coders", "Double coding needs at least two coders: choose another, or 0%"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          if (a.status() != AnalysisStatus.CODING) {
            throw new InvalidAnalysisException(
                "status",
                a.status() == AnalysisStatus.SCOPING
                    ? "Draw the sample before assigning coders"
                    : "Coding is finished: the assignments are kept as they were");
          }
          if (store.codingCount(id) > 0) {
            throw new InvalidAnalysisException(
                "coders", "Cases have been coded: the assignments can no longer be changed");
          }
          List<StoredCase> cases = store.cases(id);
          int doubles = Sampling.sizeOf(BigDecimal.valueOf(doubleCodedPercent), cases.size());
          Set<Integer> doubled =
              new HashSet<>(
                  Sampling.draw(IntStream.range(0, cases.size()).boxed().toList(), doubles, seed));
          List<Problem> refused = new ArrayList<>();
          List<Object[]> rows = new ArrayList<>();
          int next = 0;
          for (int i = 0; i < cases.size(); i++) {
            StoredCase c = cases.get(i);
            int first = -1;
            for (int k = 0; k < team.size(); k++) {
              int at = (next + k) % team.size();
              if (!team.get(at).withdrawnFrom(c)) {
                first = at;
                break;
              }
            }
            if (first < 0) {
              refused.add(
                  new Problem(
                      "coders",
                      "Every coder chosen is withdrawn from "
                          + c.snapshot().notificationRef()
                          + "'s authority: choose another coder"));
              continue;
            }
            next = first + 1;
            Coder second = null;
            if (doubled.contains(i)) {
              for (int k = 1; k < team.size(); k++) {
                Coder candidate = team.get((first + k) % team.size());
                if (!candidate.withdrawnFrom(c)) {
                  second = candidate;
                  break;
                }
              }
              if (second == null) {
                refused.add(
                    new Problem(
                        "coders",
                        c.snapshot().notificationRef()
                            + " is to be double-coded but only one coder chosen may code it (the"
                            + " others are withdrawn from its authority): choose another coder"));
                continue;
              }
            }
            rows.add(new Object[] {c.snapshot().notificationRef(), team.get(first), second});
          }
          if (!refused.isEmpty()) {
            throw new InvalidAnalysisException(refused);
          }
          store.deleteAssignments(id);
          for (Object[] r : rows) {
            Coder first = (Coder) r[1];
            Coder second = (Coder) r[2];
            store.insertAssignment(
                id,
                (String) r[0],
                first.id(),
                first.username(),
                second == null ? null : second.id(),
                second == null ? null : second.username());
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("coders", coders);
          after.put("double_coded_percent", doubleCodedPercent);
          after.put("seed", seed);
          after.put("cases", rows.size());
          after.put("double_coded", doubles);
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withAfter(AuditJson.of(after))
                  .withDetails("coders assigned"));
          return store.assignments(id);
        });
  }

  /** Who codes each case (the lead sees all; a coder only their own). */
  public List<Assignment> assignments(String ref, Viewer viewer) {
    get(ref, viewer);
    long id = store.idOf(ref).orElseThrow();
    List<Assignment> all = store.assignments(id);
    if (viewer.can(Permission.LEAD_ANALYSES)) {
      return all;
    }
    return all.stream().filter(s -> s.assigned(viewer.actor())).toList();
  }

  // ================================================================== coding

  /** Records the viewer's values for a case (code → value), replacing their earlier ones. */
  public void code(String ref, String notificationRef, Map<String, String> values, Viewer viewer) {
    Analysis a = get(ref, viewer);
    if (!viewer.can(Permission.CODE_CASES)) {
      throw new AnalysisNotPermittedException(ref, "code cases");
    }
    inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis now = store.find(ref).orElseThrow();
          if (now.status() != AnalysisStatus.CODING) {
            throw new InvalidAnalysisException(
                "status", "The analysis is not being coded: its codings are kept as they are");
          }
          Assignment assignment =
              store.assignments(id).stream()
                  .filter(s -> s.notificationRef().equals(notificationRef))
                  .findFirst()
                  .orElse(null);
          if (assignment == null || !assignment.assigned(viewer.actor())) {
            throw new AnalysisNotPermittedException(
                ref, "code " + notificationRef + ": it is not assigned to you");
          }
          StoredCase c =
              store.cases(id).stream()
                  .filter(s -> s.snapshot().notificationRef().equals(notificationRef))
                  .findFirst()
                  .orElseThrow();
          if (viewer.withdrawals().stream()
              .anyMatch(w -> w.covers(c.snapshot().laCode(), c.incidentDate()))) {
            throw new AnalysisNotPermittedException(
                ref, "code " + notificationRef + ": you are withdrawn from its authority's cases");
          }
          Map<String, FrameCode> frame = frameByCode(now);
          List<Problem> problems = new ArrayList<>();
          Map<String, String> clean = new LinkedHashMap<>();
          for (Map.Entry<String, String> e : values.entrySet()) {
            FrameCode code = frame.get(e.getKey());
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (code == null) {
              problems.add(
                  new Problem(
                      e.getKey(),
                      "'" + e.getKey() + "' is not a code of this analysis's coding frame"));
            } else if (value.isEmpty()) {
              continue;
            } else if (!code.scale().allows(value)) {
              problems.add(
                  new Problem(
                      e.getKey(),
                      "Choose "
                          + code.label()
                          + ": "
                          + String.join(", ", code.scale().levels().values())));
            } else {
              clean.put(e.getKey(), value);
            }
          }
          if (!problems.isEmpty()) {
            throw new InvalidAnalysisException(problems);
          }
          long coderId = accounts.find(viewer.actor()).orElseThrow().id();
          store.deleteCodings(id, notificationRef, coderId);
          Instant at = clock.instant();
          clean.forEach(
              (code, value) ->
                  store.upsertCoding(
                      id, notificationRef, coderId, viewer.actor(), code, value, at));
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withAfter(AuditJson.of(clean))
                  .withDetails("coded " + notificationRef));
          return null;
        });
  }

  /** The codings the viewer may see: a coder their own (blind), the lead everyone's. */
  public List<Coding> codings(String ref, Viewer viewer) {
    get(ref, viewer);
    List<Coding> all = store.codings(store.idOf(ref).orElseThrow());
    if (viewer.can(Permission.LEAD_ANALYSES)) {
      return all;
    }
    return all.stream().filter(c -> c.coder().equals(viewer.actor())).toList();
  }

  /** Imports codings.csv, all or nothing; returns how many rows were stored. */
  public int importCodings(String ref, Reader csv, Viewer viewer) {
    get(ref, viewer);
    boolean lead = viewer.can(Permission.LEAD_ANALYSES);
    if (!lead && !viewer.can(Permission.CODE_CASES)) {
      throw new AnalysisNotPermittedException(ref, "import codings");
    }
    String file = "codings.csv";
    List<Problem> problems = new ArrayList<>();
    List<LearningCsv.Row> rows = LearningCsv.read(file, csv, CODING_COLUMNS, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          if (a.status() != AnalysisStatus.CODING) {
            throw new InvalidAnalysisException(
                file,
                a.status() == AnalysisStatus.SCOPING
                    ? "Draw the sample before importing codings"
                    : "Coding is finished: codings can no longer be imported");
          }
          Map<String, FrameCode> frame = frameByCode(a);
          Map<String, StoredCase> cases = casesByRef(id);
          List<Assignment> existing = store.assignments(id);
          boolean assignFromFile = existing.isEmpty();
          Map<String, Assignment> assignments = new HashMap<>();
          existing.forEach(s -> assignments.put(s.notificationRef(), s));
          // when the file makes the assignments: each case's coders in file order
          Map<String, List<String>> fileCoders = new LinkedHashMap<>();
          Map<String, Coder> coders = new HashMap<>();
          Set<String> badCoders = new HashSet<>();
          Map<String, Long> seen = new HashMap<>();
          List<LearningCsv.Row> good = new ArrayList<>();
          for (LearningCsv.Row row : rows) {
            int before = problems.size();
            if (!ref.equals(row.get("analysis_ref"))) {
              problems.add(
                  LearningCsv.problem(
                      file, row, "analysis_ref", "every row must name this analysis, " + ref));
            }
            String caseRef = row.get("notification_ref");
            StoredCase c = cases.get(caseRef);
            if (c == null) {
              problems.add(
                  LearningCsv.problem(
                      file,
                      row,
                      "notification_ref",
                      "is not a case drawn into " + ref + " (its sample or control group)"));
            }
            FrameCode code = frame.get(row.get("code"));
            if (code == null) {
              problems.add(
                  LearningCsv.problem(
                      file,
                      row,
                      "code",
                      "is not a code of the coding frame: " + String.join(", ", frame.keySet())));
            } else if (!code.scale().allows(row.get("value"))) {
              problems.add(
                  LearningCsv.problem(
                      file,
                      row,
                      "value",
                      "code "
                          + code.code()
                          + " takes "
                          + String.join(", ", code.scale().levels().keySet())));
            }
            String coderName = row.get("coder");
            Coder coder = null;
            if (!lead && !coderName.equals(viewer.actor())) {
              problems.add(
                  LearningCsv.problem(file, row, "coder", "you may import only your own codings"));
            } else if (badCoders.contains(coderName)) {
              problems.add(
                  LearningCsv.problem(
                      file, row, "coder", "may not code cases (see its first row)"));
            } else {
              coder = coders.get(coderName);
              if (coder == null) {
                List<Problem> why = new ArrayList<>();
                coder = coder(coderName, "coder", why);
                if (coder == null) {
                  badCoders.add(coderName);
                  problems.add(
                      LearningCsv.problem(
                          file, row, "coder", "may not code: " + why.get(0).message()));
                } else {
                  coders.put(coderName, coder);
                }
              }
            }
            if (coder != null && c != null) {
              if (assignFromFile) {
                List<String> its = fileCoders.computeIfAbsent(caseRef, k -> new ArrayList<>());
                if (!its.contains(coderName)) {
                  if (its.size() == 2) {
                    problems.add(
                        LearningCsv.problem(
                            file,
                            row,
                            "coder",
                            "is a third coder for "
                                + caseRef
                                + " (already "
                                + String.join(" and ", its)
                                + "): a case has at most two coders"));
                  } else if (coder.withdrawnFrom(c)) {
                    problems.add(
                        LearningCsv.problem(
                            file,
                            row,
                            "coder",
                            "is withdrawn from "
                                + caseRef
                                + "'s authority (a declared interest) and may not code it"));
                  } else {
                    its.add(coderName);
                  }
                }
              } else {
                Assignment s = assignments.get(caseRef);
                if (s == null || !s.assigned(coderName)) {
                  problems.add(
                      LearningCsv.problem(
                          file,
                          row,
                          "coder",
                          "is not assigned "
                              + caseRef
                              + (s == null
                                  ? " (no coder is)"
                                  : " (its coders: "
                                      + s.firstCoder()
                                      + (s.secondCoder() == null ? "" : ", " + s.secondCoder())
                                      + ")")));
                } else if (coder.withdrawnFrom(c)) {
                  problems.add(
                      LearningCsv.problem(
                          file,
                          row,
                          "coder",
                          "is withdrawn from " + caseRef + "'s authority and may not code it"));
                }
              }
            }
            String key = caseRef + "\u0000" + coderName + "\u0000" + row.get("code");
            Long earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
              problems.add(
                  new Problem(
                      LearningCsv.field(file, row.line(), null),
                      "repeats line "
                          + earlier
                          + " (the same case, coder and code): give each once"));
            }
            if (problems.size() == before) {
              good.add(row);
            }
          }
          if (rows.isEmpty()) {
            problems.add(
                new Problem(
                    LearningCsv.field(file, 2, null),
                    "the file has no codings: one row a coder, case and code"));
          }
          if (!problems.isEmpty()) {
            throw new InvalidAnalysisException(problems);
          }
          if (assignFromFile) {
            for (Map.Entry<String, List<String>> e : fileCoders.entrySet()) {
              Coder first = coders.get(e.getValue().get(0));
              Coder second = e.getValue().size() > 1 ? coders.get(e.getValue().get(1)) : null;
              store.insertAssignment(
                  id,
                  e.getKey(),
                  first.id(),
                  first.username(),
                  second == null ? null : second.id(),
                  second == null ? null : second.username());
            }
          }
          Instant at = clock.instant();
          for (LearningCsv.Row row : good) {
            Coder coder = coders.get(row.get("coder"));
            store.upsertCoding(
                id,
                row.get("notification_ref"),
                coder.id(),
                coder.username(),
                row.get("code"),
                row.get("value"),
                at);
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("rows", good.size());
          details.put("assigned_from_file", assignFromFile ? fileCoders.size() : 0);
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.IMPORTED, AUDIT_RECORD_TYPE, ref)
                  .withDetails("codings imported " + AuditJson.of(details)));
          return good.size();
        });
  }

  // ================================================================== disagreements

  /** The double-coded cases and codes where the coders differ, with any resolution. */
  public List<Disagreement> disagreements(String ref, Viewer viewer) {
    get(ref, viewer);
    requireLead(viewer, ref, "see the coders' disagreements");
    long id = store.idOf(ref).orElseThrow();
    return disagreements(id, store.find(ref).orElseThrow());
  }

  private List<Disagreement> disagreements(long id, Analysis a) {
    Map<String, String> values = new HashMap<>();
    for (Coding c : store.codings(id)) {
      values.put(c.notificationRef() + "\u0000" + c.coder() + "\u0000" + c.code(), c.value());
    }
    Map<String, String[]> resolutions = new HashMap<>();
    for (String[] r : store.resolutions(id)) {
      resolutions.put(r[0] + "\u0000" + r[1], r);
    }
    List<Disagreement> out = new ArrayList<>();
    for (Assignment s : store.assignments(id)) {
      if (!s.doubleCoded()) {
        continue;
      }
      for (FrameCode code : a.frame()) {
        String first =
            values.get(s.notificationRef() + "\u0000" + s.firstCoder() + "\u0000" + code.code());
        String second =
            values.get(s.notificationRef() + "\u0000" + s.secondCoder() + "\u0000" + code.code());
        if (first != null && second != null && !first.equals(second)) {
          String[] r = resolutions.get(s.notificationRef() + "\u0000" + code.code());
          out.add(
              new Disagreement(
                  s.notificationRef(),
                  code.code(),
                  s.firstCoder(),
                  first,
                  s.secondCoder(),
                  second,
                  r == null ? null : r[2],
                  r == null ? null : r[3]));
        }
      }
    }
    return out;
  }

  /** A third person (neither coder) resolves a disagreement. */
  public void resolve(
      String ref, String notificationRef, String code, String value, Viewer viewer) {
    get(ref, viewer);
    requireLead(viewer, ref, "resolve disagreements");
    inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          List<Problem> problems = new ArrayList<>();
          resolution(a, id, notificationRef, code, value, viewer.actor(), "value", problems);
          if (!problems.isEmpty()) {
            throw new InvalidAnalysisException(problems);
          }
          long resolverId = accounts.find(viewer.actor()).orElseThrow().id();
          store.upsertResolution(
              id, notificationRef, code, resolverId, viewer.actor(), value, clock.instant());
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withAfter(
                      AuditJson.of(
                          ordered(
                              "notification_ref", notificationRef, "code", code, "value", value)))
                  .withDetails("disagreement resolved"));
          return null;
        });
  }

  /** Checks one resolution: adds a problem naming {@code field} when it may not be made. */
  private void resolution(
      Analysis a,
      long id,
      String notificationRef,
      String code,
      String value,
      String resolver,
      String field,
      List<Problem> problems) {
    if (a.status() != AnalysisStatus.CODING && a.status() != AnalysisStatus.ANALYSIS) {
      problems.add(
          new Problem(
              "status",
              a.status() == AnalysisStatus.PUBLISHED
                  ? "The analysis is published: its resolutions are kept as they are"
                  : "Nothing has been coded yet"));
      return;
    }
    Disagreement d =
        disagreements(id, a).stream()
            .filter(x -> x.notificationRef().equals(notificationRef) && x.code().equals(code))
            .findFirst()
            .orElse(null);
    if (d == null) {
      problems.add(
          new Problem(
              field,
              "The coders of "
                  + notificationRef
                  + " do not disagree on "
                  + code
                  + ": there is nothing to resolve"));
      return;
    }
    if (resolver.equals(d.firstCoder()) || resolver.equals(d.secondCoder())) {
      problems.add(
          new Problem(
              field,
              resolver
                  + " coded "
                  + notificationRef
                  + ": a disagreement is resolved by a third person, neither of its coders"));
      return;
    }
    FrameCode fc = frameByCode(a).get(code);
    if (value == null || !fc.scale().allows(value)) {
      problems.add(
          new Problem(
              field,
              "'"
                  + value
                  + "' is not a value of "
                  + fc.label()
                  + ": choose "
                  + String.join(", ", fc.scale().levels().keySet())));
    }
  }

  /** Imports resolutions (codings.csv's layout, {@code coder} = the resolver), all or nothing. */
  public int importResolutions(String ref, Reader csv, Viewer viewer) {
    get(ref, viewer);
    requireLead(viewer, ref, "resolve disagreements");
    String file = "resolutions.csv";
    List<Problem> problems = new ArrayList<>();
    List<LearningCsv.Row> rows = LearningCsv.read(file, csv, CODING_COLUMNS, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          Map<String, Long> resolverIds = new HashMap<>();
          Map<String, Long> seen = new HashMap<>();
          for (LearningCsv.Row row : rows) {
            if (!ref.equals(row.get("analysis_ref"))) {
              problems.add(
                  LearningCsv.problem(
                      file, row, "analysis_ref", "every row must name this analysis, " + ref));
            }
            String resolver = row.get("coder");
            if (!resolverIds.containsKey(resolver)) {
              Account account = accounts.find(resolver).orElse(null);
              if (account == null || !account.can(Permission.LEAD_ANALYSES)) {
                problems.add(
                    LearningCsv.problem(
                        file,
                        row,
                        "coder",
                        "may not resolve disagreements: the resolver must be an enabled account of"
                            + " the Panel's secretariat"));
                continue;
              }
              resolverIds.put(resolver, account.id());
            }
            List<Problem> why = new ArrayList<>();
            resolution(
                a,
                id,
                row.get("notification_ref"),
                row.get("code"),
                row.get("value"),
                resolver,
                "value",
                why);
            for (Problem p : why) {
              problems.add(
                  new Problem(
                      LearningCsv.field(
                          file, row.line(), p.field().equals("status") ? null : "value"),
                      p.message()));
            }
            String key = row.get("notification_ref") + "\u0000" + row.get("code");
            Long earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
              problems.add(
                  new Problem(
                      LearningCsv.field(file, row.line(), null),
                      "repeats line "
                          + earlier
                          + " (the same case and code): resolve each disagreement once"));
            }
          }
          if (rows.isEmpty()) {
            problems.add(
                new Problem(
                    LearningCsv.field(file, 2, null),
                    "the file has no resolutions: one row a case and code"));
          }
          if (!problems.isEmpty()) {
            throw new InvalidAnalysisException(problems);
          }
          Instant at = clock.instant();
          for (LearningCsv.Row row : rows) {
            store.upsertResolution(
                id,
                row.get("notification_ref"),
                row.get("code"),
                resolverIds.get(row.get("coder")),
                row.get("coder"),
                row.get("value"),
                at);
          }
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.IMPORTED, AUDIT_RECORD_TYPE, ref)
                  .withDetails("resolutions imported: " + rows.size()));
          return rows.size();
        });
  }

  // ================================================================== results and status

  /** The results, all cases and by {@code grouping} (null: all cases only). */
  public AnalysisResults results(String ref, Grouping grouping, Viewer viewer) {
    Analysis a = get(ref, viewer);
    if (!viewer.can(Permission.LEAD_ANALYSES) && a.status() != AnalysisStatus.PUBLISHED) {
      throw new AnalysisNotPermittedException(ref, "see the results before they are published");
    }
    long id = store.idOf(ref).orElseThrow();
    List<AnalysisCase> cases = store.cases(id).stream().map(StoredCase::snapshot).toList();
    return Results.compute(
        ref,
        a.frame(),
        cases,
        store.assignments(id),
        store.codings(id),
        disagreements(id, a),
        grouping);
  }

  /** Moves an analysis on: CODING → ANALYSIS → PUBLISHED (each step checked). */
  public Analysis advance(String ref, AnalysisStatus to, Viewer viewer) {
    Analysis before = get(ref, viewer);
    requireLead(viewer, ref, "move the analysis on");
    return inTransaction(
        () -> {
          long id = store.lock(ref).orElseThrow(() -> new AnalysisNotFoundException(ref));
          Analysis a = store.find(ref).orElseThrow();
          LocalDate published = null;
          if (a.status() == AnalysisStatus.CODING && to == AnalysisStatus.ANALYSIS) {
            List<Problem> problems = uncoded(id, a);
            if (!problems.isEmpty()) {
              throw new InvalidAnalysisException(problems);
            }
          } else if (a.status() == AnalysisStatus.ANALYSIS && to == AnalysisStatus.PUBLISHED) {
            long open = disagreements(id, a).stream().filter(d -> !d.resolved()).count();
            if (open > 0) {
              throw new InvalidAnalysisException(
                  "status",
                  open
                      + (open == 1 ? " disagreement is" : " disagreements are")
                      + " not yet resolved: resolve every disagreement before publishing");
            }
            published = LocalDate.now(clock);
          } else {
            throw new InvalidAnalysisException(
                "status",
                "An analysis that is "
                    + a.status().label().toLowerCase(java.util.Locale.ROOT)
                    + " cannot move to "
                    + (to == null ? "nothing" : to.label().toLowerCase(java.util.Locale.ROOT))
                    + ": it goes from coding to analysis (when every case is coded), then to"
                    + " published (when every disagreement is resolved)");
          }
          store.status(id, to, published);
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                  .withBefore(AuditJson.of(Map.of("status", a.status().name())))
                  .withAfter(
                      AuditJson.of(
                          ordered(
                              "status",
                              to.name(),
                              "published",
                              published == null ? null : published))));
          return store.find(ref).orElseThrow();
        });
  }

  /** What is not yet coded, as problems (empty when every case is coded by its coders). */
  private List<Problem> uncoded(long id, Analysis a) {
    List<Problem> problems = new ArrayList<>();
    if (a.frame().isEmpty()) {
      problems.add(new Problem("frame", "The coding frame has no codes"));
      return problems;
    }
    Map<String, Assignment> assignments = new HashMap<>();
    store.assignments(id).forEach(s -> assignments.put(s.notificationRef(), s));
    Set<String> coded = new HashSet<>();
    for (Coding c : store.codings(id)) {
      coded.add(c.notificationRef() + "\u0000" + c.coder() + "\u0000" + c.code());
    }
    int unassigned = 0;
    int incomplete = 0;
    String example = null;
    for (StoredCase c : store.cases(id)) {
      String ref = c.snapshot().notificationRef();
      Assignment s = assignments.get(ref);
      if (s == null) {
        unassigned++;
        example = example == null ? ref : example;
        continue;
      }
      for (String coder :
          s.doubleCoded() ? List.of(s.firstCoder(), s.secondCoder()) : List.of(s.firstCoder())) {
        for (FrameCode f : a.frame()) {
          if (!coded.contains(ref + "\u0000" + coder + "\u0000" + f.code())) {
            incomplete++;
            example = example == null ? ref + " (" + coder + ", " + f.code() + ")" : example;
          }
        }
      }
    }
    if (unassigned > 0) {
      problems.add(
          new Problem(
              "status",
              unassigned
                  + (unassigned == 1 ? " case has" : " cases have")
                  + " no coder: assign every case first"));
    }
    if (incomplete > 0) {
      problems.add(
          new Problem(
              "status",
              incomplete
                  + (incomplete == 1 ? " coding is" : " codings are")
                  + " still to do (for example "
                  + example
                  + "): every case is coded by each of its coders before analysis"));
    }
    return problems;
  }

  /** The analyses published from {@code from} to {@code to} (for the learning briefing). */
  public List<Analysis> published(LocalDate from, LocalDate to) {
    return store.published(from, to);
  }

  // ================================================================== helpers

  private boolean sees(Analysis a, Viewer viewer) {
    if (viewer.can(Permission.LEAD_ANALYSES)) {
      return true;
    }
    if (!viewer.can(Permission.CODE_CASES)) {
      return false;
    }
    long id = store.idOf(a.ref()).orElseThrow();
    return store.assignments(id).stream().anyMatch(s -> s.assigned(viewer.actor()));
  }

  private static void requireLead(Viewer viewer, String ref, String what) {
    if (!viewer.can(Permission.LEAD_ANALYSES)) {
      throw new AnalysisNotPermittedException(ref == null ? "-" : ref, what);
    }
  }

  private static Map<String, FrameCode> frameByCode(Analysis a) {
    Map<String, FrameCode> out = new LinkedHashMap<>();
    a.frame().forEach(c -> out.put(c.code(), c));
    return out;
  }

  private Map<String, StoredCase> casesByRef(long id) {
    Map<String, StoredCase> out = new LinkedHashMap<>();
    store.cases(id).forEach(c -> out.put(c.snapshot().notificationRef(), c));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String ukDate(LocalDate d) {
    return d.format(
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String state(Analysis a) {
    Population p = a.population();
    return AuditJson.of(
        ordered(
            "ref",
            a.ref(),
            "title",
            a.title(),
            "question",
            a.question(),
            "lead",
            a.lead(),
            "status",
            a.status().name(),
            "population",
            AnalysisStore.json(p)));
  }

  private static String frameState(Analysis a) {
    List<Map<String, Object>> codes = new ArrayList<>();
    for (FrameCode c : a.frame()) {
      codes.add(ordered("code", c.code(), "label", c.label(), "scale", c.scale().name()));
    }
    return AuditJson.of(Map.of("frame", codes));
  }
}
