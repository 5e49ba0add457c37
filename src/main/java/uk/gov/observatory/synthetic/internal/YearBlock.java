package uk.gov.observatory.synthetic.internal;

import static uk.gov.observatory.synthetic.internal.AnnualReport2020.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.reference.LocalAuthority;

/**
 * One year of synthetic notifications shaped like the 2020 annual report, with the earlier
 * notifications its report needs (reviews that fell due in the year, LCSPRs initiated before it):
 * built by quotas, not independent draws, so that at a fraction of 1.0 every published count comes
 * out exactly (see {@link AnnualReport2020}), and with the joint structure a reader would expect
 * (SUDI in infants, suicides in teenagers, looked-after children away from home, court orders for
 * looked-after children, more LCSPRs after maltreatment deaths). A fraction below 1 scales every
 * quota (rounded), for the last part of a scaled run.
 */
public final class YearBlock {

  /** A child named in a notification. */
  public record Child(
      int seq, String gender, int age, String ethnicity, String name, LocalDate dateOfBirth) {}

  /** A notification and its rapid review. */
  public static final class Case {
    public String ref;
    public String la;
    public LocalDate incident;
    public LocalDate aware;
    public LocalDate notified;
    public String type;
    public String deathCategory = "";
    public String harmCategory = "";
    public Integer decile;
    public final Set<String> characteristics = new LinkedHashSet<>();
    public String pattern = "";
    public String csc = "NONE";
    public String court = "NONE";
    public String living = "AT_HOME";
    public final List<String> covid = new ArrayList<>();
    public final List<Child> children = new ArrayList<>();
    public boolean review = true;
    public LocalDate received;
    public String decision = "UNDECIDED";
    public String reason = "";
    public String view = "";
    public final List<String> themes = new ArrayList<>();
    public boolean alternative;
    int kids = 1;
    final List<Integer> ages = new ArrayList<>();
    boolean leadIn;

    String category() {
      return type.equals("DEATH") ? deathCategory : harmCategory;
    }

    int age() {
      return ages.isEmpty() ? children.get(0).age() : ages.get(0);
    }
  }

  /** A local child safeguarding practice review. */
  public record Lcspr(
      String ref,
      List<String> notificationRefs,
      LocalDate initiated,
      LocalDate completed,
      LocalDate panelNotified,
      LocalDate published,
      String status) {}

  /** A partnership's yearly report. */
  public record YearlyReport(String partnership, LocalDate published, List<String> requirements) {}

  /** What a block writes. */
  public record Output(List<Case> cases, List<Lcspr> lcsprs, List<YearlyReport> yearlyReports) {}

  /** Hands out references, unique across a whole run. */
  public interface Refs {
    String notification(int year);

    String lcspr(int year);

    /** Whether a partnership has no yearly report on that day yet (and takes it). */
    boolean takeYearlyReport(String partnership, LocalDate day);
  }

  static final List<String> THEMES =
      List.of(
          "CHILD_DAILY_LIFE",
          "RELUCTANT_ENGAGEMENT",
          "CRITICAL_THINKING",
          "CHANGING_RISK",
          "INFORMATION_SHARING",
          "LEADERSHIP_CULTURE");

  static final Set<String> ADOLESCENT =
      Set.of(
          "SUICIDE",
          "RELATED_RISK_TAKING",
          "EXTRA_FAMILIAL_HOMICIDE",
          "EXTRA_FAMILIAL_FATAL_ASSAULT",
          "CRIMINAL_EXPLOITATION",
          "YOUNG_PERSON_PERPETRATOR",
          "OTHER_RISK_TAKING_VIOLENT",
          "CSE",
          "CSA_EXTRA_FAMILIAL");

  static final Set<String> MALTREATMENT_OR_EXTRA_FAMILIAL =
      Set.of(
          "OVERT_FILICIDE",
          "COVERT_FILICIDE",
          "FATAL_PHYSICAL_ABUSE",
          "SEVERE_PERSISTENT_CRUELTY",
          "EXTREME_NEGLECT",
          "EXTRA_FAMILIAL_HOMICIDE",
          "EXTRA_FAMILIAL_FATAL_ASSAULT");

  private final int year;
  private final double fraction;
  private final Random random;
  private final WorkingDayCalendar calendar;
  private final List<LocalAuthority> authorities;
  private final Refs refs;
  private final LocalDate today;
  private final boolean identifying;
  private final LocalDate asAt;

  /**
   * @param authorities every authority ever listed (the block picks those in operation)
   * @param today no date is generated after it
   */
  public YearBlock(
      int year,
      double fraction,
      long seed,
      WorkingDayCalendar calendar,
      List<LocalAuthority> authorities,
      Refs refs,
      LocalDate today,
      boolean identifying) {
    this.year = year;
    this.fraction = fraction;
    this.random = new Random(seed);
    this.calendar = calendar;
    this.authorities = authorities;
    this.refs = refs;
    this.today = today;
    this.identifying = identifying;
    LocalDate reviewsAsAt = LocalDate.of(year + 1, 3, 31);
    this.asAt = reviewsAsAt.isAfter(today) ? today : reviewsAsAt;
  }

  private boolean nextYearInRun;

  /**
   * Says the next year is generated in the same run (the demo's 2019 before 2020). Then every
   * notification of this year has its review due within the year: the next year's lead-in (notified
   * in this year's last weeks, due in January) stands for those due later, so that the next year's
   * Tables 6 and 7 count only what its own quotas put there, as printed.
   */
  public YearBlock nextYearInRun(boolean inRun) {
    this.nextYearInRun = inRun;
    return this;
  }

  /** The date the report's timeliness and decisions are read at: 31 March of the next year. */
  public LocalDate asAt() {
    return asAt;
  }

  int s(int n) {
    return (int) Math.round(n * fraction);
  }

  int[] s(int[] n) {
    int[] out = new int[n.length];
    for (int i = 0; i < n.length; i++) {
      out[i] = s(n[i]);
    }
    return out;
  }

  /**
   * Exactly {@code total} labels in the proportions of {@code counts} (largest remainder), in a
   * random order: the counts themselves when they add up to the total.
   */
  List<String> quota(Map<String, Integer> counts, int total) {
    int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<String> out = new ArrayList<>();
    if (sum == 0 || total <= 0) {
      return out;
    }
    Map<String, Double> remainders = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double exact = (double) e.getValue() * total / sum;
      int whole = (int) Math.floor(exact);
      for (int i = 0; i < whole; i++) {
        out.add(e.getKey());
      }
      remainders.put(e.getKey(), exact - whole);
    }
    List<String> byRemainder = new ArrayList<>(remainders.keySet());
    byRemainder.sort(Comparator.comparingDouble((String k) -> -remainders.get(k)));
    for (int i = 0; out.size() < total; i++) {
      out.add(byRemainder.get(i % byRemainder.size()));
    }
    Collections.shuffle(out, random);
    return out;
  }

  /** One label drawn at random in the proportions of {@code counts}. */
  String draw(Map<String, Integer> counts) {
    int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
    int r = random.nextInt(sum);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      r -= e.getValue();
      if (r < 0) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  Map<String, Integer> column(Map<String, int[]> table, int type) {
    Map<String, Integer> out = new LinkedHashMap<>();
    table.forEach((k, v) -> out.put(k, v[type]));
    return out;
  }

  /** k cases of the pool (fewer if it is smaller), those with the higher preference first. */
  <T> List<T> pick(List<T> pool, int k, ToDoubleFunction<T> preference) {
    List<T> shuffled = new ArrayList<>(pool);
    Collections.shuffle(shuffled, random);
    Map<T, Double> key = new java.util.IdentityHashMap<>();
    for (T t : shuffled) {
      key.put(t, preference.applyAsDouble(t) + random.nextDouble());
    }
    shuffled.sort(Comparator.comparingDouble((T t) -> -key.get(t)));
    return new ArrayList<>(shuffled.subList(0, Math.max(0, Math.min(k, shuffled.size()))));
  }

  <T> List<T> pick(List<T> pool, int k) {
    return pick(pool, k, t -> 0);
  }

  static <T> List<T> where(List<T> list, Predicate<T> p) {
    return list.stream().filter(p).toList();
  }

  // ---------------------------------------------------------------------------------------------

  /** The block: the year's notifications, their reviews, the lead-in, LCSPRs, yearly reports. */
  public Output build() {
    List<Case> year = yearCases();
    forChildren(year);
    List<Case> all = new ArrayList<>();
    List<Case> leadInDue = leadInDueInYear();
    timeliness(year, leadInDue);
    decisions(year);
    for (Case c : leadInDue) {
      if (c.received != null) {
        noLcspr(c);
        themes(c);
      }
    }
    List<Lcspr> lcsprs = new ArrayList<>();
    List<Case> leadInLcspr = lcsprs(year, lcsprs);
    all.addAll(leadInLcspr.stream().filter(c -> c.incident.getYear() < this.year - 1).toList());
    all.addAll(leadInLcspr.stream().filter(c -> c.incident.getYear() == this.year - 1).toList());
    all.addAll(leadInDue);
    all.addAll(year);
    for (Case c : all) {
      finishChildren(c);
    }
    return new Output(all, lcsprs, yearlyReports());
  }

  // --- The year's notifications ----------------------------------------------------------------

  List<Case> yearCases() {
    int n = s(482);
    List<Case> cases = new ArrayList<>();
    for (String type : quota(TYPES, n)) {
      Case c = new Case();
      c.type = type;
      cases.add(c);
    }
    List<Case> deaths = where(cases, c -> c.type.equals("DEATH"));
    List<Case> harm = where(cases, c -> c.type.equals("SERIOUS_HARM"));
    List<Case> other = where(cases, c -> c.type.equals("OTHER"));
    List<String> dc = quota(DEATH_CATEGORIES, deaths.size());
    for (int i = 0; i < deaths.size(); i++) {
      deaths.get(i).deathCategory = dc.get(i);
    }
    List<String> hc = quota(HARM_CATEGORIES_SERIOUS_HARM, harm.size());
    for (int i = 0; i < harm.size(); i++) {
      harm.get(i).harmCategory = hc.get(i);
    }
    List<String> oc = quota(HARM_CATEGORIES_OTHER, other.size());
    for (int i = 0; i < other.size(); i++) {
      other.get(i).harmCategory = oc.get(i);
    }
    childrenAndAges(cases);
    characteristics(List.of(deaths, harm, other));
    services(List.of(deaths, harm, other));
    deprivation(cases);
    authorities(cases);
    dates(cases);
    covid(cases);
    return cases;
  }

  /** Where a category's children sit in the age order (lower: younger), and how widely. */
  static double[] ageBase(String category) {
    return switch (category) {
      case "SUDI" -> new double[] {-100, 0};
      case "FATAL_PHYSICAL_ABUSE",
          "NONFATAL_PHYSICAL_ABUSE",
          "COVERT_FILICIDE",
          "SEVERE_PERSISTENT_CRUELTY" ->
          new double[] {-1, 6};
      case "CSA_INTRA_FAMILIAL" -> new double[] {8, 8};
      case "CSA_EXTRA_FAMILIAL", "CSE" -> new double[] {13, 5};
      case "SUICIDE" -> new double[] {16, 4};
      default -> ADOLESCENT.contains(category) ? new double[] {14, 5} : new double[] {2, 14};
    };
  }

  void childrenAndAges(List<Case> cases) {
    Set<String> siblings =
        Set.of(
            "NONFATAL_NEGLECT",
            "NONFATAL_PHYSICAL_ABUSE",
            "CSA_INTRA_FAMILIAL",
            "OVERT_FILICIDE",
            "EMOTIONAL_ABUSE",
            "EXTREME_NEGLECT");
    int extra = Math.min(s(CHILDREN - 482), cases.size());
    for (Case c : pick(cases, extra, c -> siblings.contains(c.category()) ? 2 : 0)) {
      c.kids = 2;
    }
    record Slot(Case c, double key) {}
    List<Slot> slots = new ArrayList<>();
    for (Case c : cases) {
      double[] b = ageBase(c.category());
      for (int k = 0; k < c.kids; k++) {
        slots.add(new Slot(c, b[0] + random.nextDouble() * b[1]));
      }
    }
    slots.sort(Comparator.comparingDouble(Slot::key));
    List<String> bands = new ArrayList<>(quota(AGE_BANDS, slots.size()));
    // quota shuffles: put the bands back in age order, then hand them out youngest first
    List<String> order = List.copyOf(AGE_BANDS.keySet());
    bands.sort(Comparator.comparingInt(order::indexOf));
    for (int i = 0; i < slots.size(); i++) {
      Case c = slots.get(i).c();
      boolean suicide = c.category().equals("SUICIDE");
      int age =
          switch (bands.get(i)) {
            case "UNDER_1" -> 0;
            case "AGE_1_4" -> 1 + random.nextInt(4);
            case "AGE_5_9" -> 5 + random.nextInt(5);
            case "AGE_10_14" -> suicide ? 11 + random.nextInt(4) : 10 + random.nextInt(5);
            default -> 15 + random.nextInt(3);
          };
      c.ages.add(age);
    }
  }

  void characteristics(List<List<Case>> byType) {
    for (int t = 0; t < 3; t++) {
      List<Case> pool = byType.get(t);
      // Domestic abuse, and alcohol or drug misuse mostly alongside it.
      List<Case> da =
          pick(
              pool,
              s(DOMESTIC_ABUSE[t]),
              c -> ADOLESCENT.contains(c.category()) || c.category().equals("SUDI") ? 0 : 0.4);
      da.forEach(c -> c.characteristics.add("DOMESTIC_ABUSE"));
      Set<Case> daSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      daSet.addAll(da);
      int both = s(SUBSTANCE_BOTH[t]);
      int alcohol = s(ALCOHOL_ONLY[t]);
      int drug = s(DRUG_ONLY[t]);
      int within = Math.min(s(SUBSTANCE_WITH_DOMESTIC_ABUSE[t]), both + alcohol + drug);
      List<Case> union = new ArrayList<>(pick(da, within));
      union.addAll(pick(where(pool, c -> !daSet.contains(c)), both + alcohol + drug - within));
      Collections.shuffle(union, random);
      for (int i = 0; i < union.size(); i++) {
        if (i < both) {
          union.get(i).characteristics.add("PARENTAL_ALCOHOL_MISUSE");
          union.get(i).characteristics.add("PARENTAL_DRUG_MISUSE");
        } else if (i < both + alcohol) {
          union.get(i).characteristics.add("PARENTAL_ALCOHOL_MISUSE");
        } else {
          union.get(i).characteristics.add("PARENTAL_DRUG_MISUSE");
        }
      }
      // Mothers' and fathers' mental ill-health, a little more often with domestic abuse.
      int mo = s(MATERNAL_ONLY[t]);
      int po = s(PATERNAL_ONLY[t]);
      int bo = s(BOTH_PARENTS_MENTAL_HEALTH[t]);
      List<Case> mh = pick(pool, mo + po + bo, c -> daSet.contains(c) ? 0.3 : 0);
      for (int i = 0; i < mh.size(); i++) {
        if (i < mo || i >= mo + po) {
          mh.get(i).characteristics.add("MATERNAL_MENTAL_ILL_HEALTH");
        }
        if (i >= mo) {
          mh.get(i).characteristics.add("PATERNAL_MENTAL_ILL_HEALTH");
        }
      }
      for (Map.Entry<String, int[]> e : CHARACTERISTICS.entrySet()) {
        pick(pool, s(e.getValue()[t])).forEach(c -> c.characteristics.add(e.getKey()));
      }
      // The child's own mental ill-health: school-age children, suicides and self-harm first.
      List<Case> schoolAge = where(pool, c -> c.age() >= 5);
      pick(
              schoolAge,
              s(CHILD_MENTAL_ILL_HEALTH[t]),
              c ->
                  c.category().equals("SUICIDE")
                      ? 1.5
                      : c.category().equals("OTHER_RISK_TAKING_VIOLENT") ? 0.8 : 0)
          .forEach(c -> c.characteristics.add("CHILD_MENTAL_ILL_HEALTH"));
      // Home education (paragraph 36): of school age; the deaths two suicides and one through
      // risk-taking.
      List<Case> ehePool = where(pool, c -> c.age() >= 5 && c.age() <= 16);
      List<Case> ehe = new ArrayList<>();
      if (t == 0) {
        int eheDeaths = s(ELECTIVE_HOME_EDUCATION[t]);
        int risk = eheDeaths / 3;
        ehe.addAll(pick(where(ehePool, c -> c.category().equals("RELATED_RISK_TAKING")), risk));
        ehe.addAll(
            pick(where(ehePool, c -> c.category().equals("SUICIDE")), eheDeaths - ehe.size()));
      }
      List<Case> eheChosen = ehe;
      ehe.addAll(
          pick(
              where(ehePool, c -> !eheChosen.contains(c)),
              s(ELECTIVE_HOME_EDUCATION[t]) - ehe.size(),
              c ->
                  switch (c.category()) {
                    case "NONFATAL_NEGLECT", "EMOTIONAL_ABUSE", "CSA_INTRA_FAMILIAL" -> 1.5;
                    default -> 0;
                  }));
      ehe.forEach(c -> c.characteristics.add("ELECTIVE_HOME_EDUCATION"));
      // Neglect as an underlying feature (paragraph 25).
      List<Case> neglect = new ArrayList<>();
      if (t == 0) {
        neglect.addAll(pick(where(pool, c -> c.category().equals("SUDI")), s(NEGLECT_SUDI)));
        neglect.addAll(
            pick(where(pool, c -> c.category().startsWith("RELATED_")), s(NEGLECT_RELATED)));
      } else {
        neglect.addAll(where(pool, c -> c.category().equals("NONFATAL_NEGLECT")));
      }
      List<Case> chosen = neglect;
      boolean deaths = t == 0;
      neglect.addAll(
          pick(
              where(pool, c -> !chosen.contains(c) && !(deaths && isSudiOrRelated(c))),
              s(NEGLECT_FEATURE[t]) - neglect.size()));
      neglect.forEach(c -> c.characteristics.add("NEGLECT_FEATURE"));
    }
    List<Case> nonFatal = new ArrayList<>(byType.get(1));
    nonFatal.addAll(byType.get(2));
    List<Case> all = new ArrayList<>(byType.get(0));
    all.addAll(nonFatal);
    pick(
            where(all, c -> c.category().equals("OTHER_RISK_TAKING_VIOLENT")),
            s(CRIMINAL_EXPLOITATION_BACKGROUND))
        .forEach(c -> c.characteristics.add("CRIMINAL_EXPLOITATION_BACKGROUND"));
    List<Case> teenagers = where(nonFatal, c -> c.age() >= 11);
    pick(teenagers, s(PEER_ON_PEER_ABUSE), c -> ADOLESCENT.contains(c.category()) ? 1 : 0)
        .forEach(c -> c.characteristics.add("PEER_ON_PEER_ABUSE"));
    pick(teenagers, s(SECURE_ESTABLISHMENT), c -> ADOLESCENT.contains(c.category()) ? 1 : 0)
        .forEach(c -> c.characteristics.add("SECURE_ESTABLISHMENT"));
    pick(where(all, c -> c.category().equals("SUICIDE")), s(GENDER_IDENTITY_FACTOR))
        .forEach(c -> c.characteristics.add("GENDER_IDENTITY_FACTOR"));
    // Patterns of domestic abuse, where recorded.
    List<Case> da = where(all, c -> c.characteristics.contains("DOMESTIC_ABUSE"));
    int recorded = Math.min(da.size(), s(180));
    List<String> patterns = quota(DOMESTIC_ABUSE_PATTERNS, recorded);
    List<Case> withPattern = pick(da, recorded);
    for (int i = 0; i < withPattern.size(); i++) {
      withPattern.get(i).pattern = patterns.get(i);
    }
  }

  static boolean isSudiOrRelated(Case c) {
    return c.category().equals("SUDI") || c.category().startsWith("RELATED_");
  }

  void services(List<List<Case>> byType) {
    for (int t = 0; t < 3; t++) {
      List<Case> pool = byType.get(t);
      List<String> csc = quota(column(CSC, t), pool.size());
      for (int i = 0; i < pool.size(); i++) {
        pool.get(i).csc = csc.get(i);
      }
      // Care orders and section 20 go to looked-after children first, then to those on a plan.
      List<String> courts = quota(column(COURT_ORDERS, t), pool.size());
      List<String> strong =
          new ArrayList<>(where(courts, o -> !o.equals("NONE") && !o.equals("OTHER")));
      Collections.shuffle(strong, random);
      List<Case> order =
          pick(
              pool,
              pool.size(),
              c ->
                  switch (c.csc) {
                    case "LOOKED_AFTER" -> 10;
                    case "CHILD_PROTECTION_PLAN" -> 5;
                    case "NONE" -> 0;
                    default -> 2;
                  });
      int next = 0;
      for (String o : strong) {
        order.get(next++).court = o;
      }
      int otherOrders = (int) courts.stream().filter(o -> o.equals("OTHER")).count();
      List<Case> rest = order.subList(next, order.size());
      for (Case c : pick(rest, otherOrders, c -> c.csc.equals("NONE") ? 0 : 1)) {
        c.court = "OTHER";
      }
      // Looked-after children live away from home: foster care, a children's home or a
      // semi-independent unit first.
      List<String> living = quota(column(LIVING, t), pool.size());
      List<String> away = new ArrayList<>(where(living, l -> !l.equals("AT_HOME")));
      List<String> awayOrder =
          List.of("FOSTER_CARE", "RESIDENTIAL_HOME", "SEMI_INDEPENDENT", "OTHER", "WITH_RELATIVES");
      away.sort(Comparator.comparingInt(awayOrder::indexOf));
      List<Case> byNeed =
          pick(
              pool,
              pool.size(),
              c -> c.csc.equals("LOOKED_AFTER") ? 10 : c.court.equals("NONE") ? 0 : 3);
      for (int i = 0; i < away.size(); i++) {
        byNeed.get(i).living = away.get(i);
      }
    }
  }

  void deprivation(List<Case> cases) {
    Map<String, Integer> deciles = new LinkedHashMap<>();
    deciles.put("U", IMD_UNKNOWN);
    for (int q = 0; q < 5; q++) {
      deciles.put(Integer.toString(q + 1), QUINTILES[q]);
    }
    List<String> d = quota(deciles, cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String q = d.get(i);
      cases.get(i).decile = q.equals("U") ? null : 2 * Integer.parseInt(q) - 1 + random.nextInt(2);
    }
  }

  /** A rough size of an authority's child population, by its kind (no population data here). */
  static double weight(LocalAuthority la) {
    String kind = la.code().substring(0, 3);
    return switch (kind) {
      case "E10" -> 3.0; // counties
      case "E08" -> 1.6; // metropolitan districts
      case "E09" -> 0.9; // London boroughs
      default -> 0.8; // unitary authorities
    };
  }

  List<LocalAuthority> inOperationAllYear(int y) {
    LocalDate end = LocalDate.of(y, 12, 31);
    return authorities.stream()
        .filter(a -> a.inOperationOn(end))
        .filter(a -> a.code().matches("E(06|08|09|10)\\d{6}"))
        .toList();
  }

  /** The authority in operation on a day with the same old code (an authority that ended). */
  String onDay(LocalAuthority la, LocalDate day) {
    if (la.inOperationOn(day)) {
      return la.code();
    }
    return authorities.stream()
        .filter(a -> a.inOperationOn(day))
        .filter(a -> la.oldCode() != null && la.oldCode().equals(a.oldCode()))
        .map(LocalAuthority::code)
        .findFirst()
        .orElseGet(
            () ->
                // a new authority with a new code (e.g. Dorset, 2019): a neighbour that was there
                authorities.stream()
                    .filter(a -> a.inOperationOn(day))
                    .filter(a -> a.code().matches("E(06|08|09|10)\\d{6}"))
                    .filter(a -> java.util.Objects.equals(a.regionCode(), la.regionCode()))
                    .map(LocalAuthority::code)
                    .findFirst()
                    .orElse(la.code()));
  }

  /**
   * Notifications over authorities (paragraph 60): the authorities sorted by size (with noise); the
   * largest fourteen notify seven or more, the smallest six none, the rest one or two, or three to
   * six; the notifications beyond each band's least go to the larger authorities.
   */
  void authorities(List<Case> cases) {
    List<LocalAuthority> las = new ArrayList<>(inOperationAllYear(year));
    Map<LocalAuthority, Double> size = new java.util.IdentityHashMap<>();
    for (LocalAuthority a : las) {
      size.put(a, weight(a) * Math.exp(random.nextGaussian() * 0.45));
    }
    las.sort(Comparator.comparingDouble((LocalAuthority a) -> -size.get(a)));
    int n = cases.size();
    int seven = Math.min(s(LAS_SEVEN_PLUS), las.size());
    int none = Math.min(s(LAS_NONE), las.size() - seven);
    int oneTwo = Math.min(s(LAS_ONE_TO_TWO), las.size() - seven - none);
    int threeSix = las.size() - seven - none - oneTwo;
    int[] count = new int[las.size()];
    int[] cap = new int[las.size()];
    int used = 0;
    for (int i = 0; i < las.size(); i++) {
      if (i < seven) {
        count[i] = 7;
        cap[i] = 40;
      } else if (i < seven + threeSix) {
        count[i] = 3;
        cap[i] = 6;
      } else if (i < seven + threeSix + oneTwo) {
        count[i] = 1;
        cap[i] = 2;
      }
      used += count[i];
    }
    if (used > n) {
      // a small fraction: too few notifications for the bands; one each for the largest
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[i % las.size()]++;
      }
    } else {
      double[] w = new double[las.size()];
      for (int left = n - used; left > 0; left--) {
        double total = 0;
        for (int i = 0; i < las.size(); i++) {
          w[i] = count[i] < cap[i] ? size.get(las.get(i)) : 0;
          total += w[i];
        }
        double r = random.nextDouble() * total;
        int i = 0;
        while (i < las.size() - 1 && (r -= w[i]) > 0) {
          i++;
        }
        count[i]++;
      }
    }
    List<LocalAuthority> slots = new ArrayList<>();
    for (int i = 0; i < las.size(); i++) {
      for (int k = 0; k < count[i]; k++) {
        slots.add(las.get(i));
      }
    }
    Collections.shuffle(slots, random);
    for (int i = 0; i < n; i++) {
      laOf.put(cases.get(i), slots.get(i));
    }
  }

  private final Map<Case, LocalAuthority> laOf = new java.util.IdentityHashMap<>();

  // --- Dates -----------------------------------------------------------------------------------

  /** The last notified date whose rapid review (15 working days) falls due in year y. */
  LocalDate lastNotifiedDueIn(int y) {
    LocalDate d = LocalDate.of(y, 12, 31);
    while (calendar.addWorkingDays(d, 15).getYear() > y) {
      d = d.minusDays(1);
    }
    return d;
  }

  LocalDate randomWorkingDay(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    for (int tries = 0; tries < 100; tries++) {
      LocalDate d = from.plusDays((long) (random.nextDouble() * days));
      if (calendar.isWorkingDay(d)) {
        return d;
      }
    }
    return from;
  }

  LocalDate minusWorkingDays(LocalDate d, int n) {
    LocalDate x = d;
    for (int i = 0; i < n; ) {
      x = x.minusDays(1);
      if (calendar.isWorkingDay(x)) {
        i++;
      }
    }
    return x;
  }

  /** Aware and incident dates before a notified date: mostly in time, about one in ten late. */
  void backdate(Case c, LocalDate notified, LocalDate earliest, LocalDate latest) {
    c.notified = notified;
    int lag = random.nextInt(10) == 0 ? 6 + random.nextInt(8) : random.nextInt(5);
    LocalDate aware = minusWorkingDays(notified, lag);
    LocalDate incident = aware.minusDays(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3));
    if (incident.isBefore(earliest)) {
      incident = earliest;
    }
    if (incident.isAfter(latest)) {
      incident = latest;
    }
    if (aware.isBefore(incident)) {
      aware = incident;
    }
    c.incident = incident;
    c.aware = aware;
    LocalAuthority la = laOf.get(c);
    if (la != null) {
      c.la = onDay(la, incident);
    }
  }

  /** The group of a notification for the rapid review quotas. */
  enum Group {
    OUTSIDE,
    INSIDE,
    NEXT_YEAR
  }

  private final Map<Case, Group> groupOf = new java.util.IdentityHashMap<>();

  /**
   * Notified dates (Tables 6 to 8): in 2020, 247 notified in the extension (April to September),
   * 190 outside it with the review due in the year, and the rest with the review due the next year.
   * Other years: the same totals, with no extension. When the next year is in the run, none due the
   * next year (see {@link #nextYearInRun}).
   */
  void dates(List<Case> cases) {
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    LocalDate dec31 = LocalDate.of(year, 12, 31);
    LocalDate last = lastNotifiedDueIn(year);
    boolean extension = year == 2020;
    int inside = extension ? s(247) : 0;
    int outside = nextYearInRun ? cases.size() - inside : extension ? s(190) : s(437);
    List<Case> order = new ArrayList<>(cases);
    Collections.shuffle(order, random);
    LocalDate extFrom = LocalDate.of(year, 4, 1);
    LocalDate extTo = LocalDate.of(year, 9, 30);
    long before = ChronoUnit.DAYS.between(jan1, extFrom);
    long after = ChronoUnit.DAYS.between(extTo, last);
    // The ends of the ranges of the not yet received (Tables 6 to 8, see AnnualReport2020): one
    // notification on each, made not yet received in assign.
    List<LocalDate> insideEnds =
        extension
            ? ends(OUTSTANDING_MAX_INSIDE, extFrom, extTo, extTo, s(NOT_RECEIVED_INSIDE))
            : List.of();
    List<LocalDate> outsideEnds =
        ends(
            OUTSTANDING_MAX_OUTSIDE,
            jan1.plusDays(3),
            extension ? extFrom.minusDays(1) : last,
            last,
            extension ? s(NOT_RECEIVED_OUTSIDE) : s(NOT_RECEIVED_OUTSIDE + NOT_RECEIVED_INSIDE));
    for (int i = 0; i < order.size(); i++) {
      Case c = order.get(i);
      LocalDate notified;
      if (i < inside) {
        notified = i < insideEnds.size() ? insideEnds.get(i) : randomWorkingDay(extFrom, extTo);
        groupOf.put(c, Group.INSIDE);
        if (i < insideEnds.size()) {
          rangeEnds.add(c);
        }
      } else if (i - inside < outsideEnds.size() && i < inside + outside) {
        notified = outsideEnds.get(i - inside);
        groupOf.put(c, Group.OUTSIDE);
        rangeEnds.add(c);
      } else if (i < inside + outside) {
        if (!extension) {
          notified = randomWorkingDay(jan1.plusDays(3), last);
        } else if (random.nextDouble() * (before + after) < before) {
          notified = randomWorkingDay(jan1.plusDays(3), extFrom.minusDays(1));
        } else {
          notified = randomWorkingDay(extTo.plusDays(1), last);
        }
        groupOf.put(c, Group.OUTSIDE);
      } else {
        notified = randomWorkingDay(last.plusDays(1), LocalDate.of(year + 1, 1, 15));
        groupOf.put(c, Group.NEXT_YEAR);
      }
      backdate(c, notified, jan1, dec31);
      c.ref = null;
    }
    // References in the order of notification.
    List<Case> byDate = new ArrayList<>(cases);
    byDate.sort(Comparator.comparing((Case c) -> c.notified));
    for (Case c : byDate) {
      c.ref = refs.notification(c.incident.getYear());
    }
  }

  /** The notifications made not yet received at an end of their table's range (most first). */
  private final List<Case> rangeEnds = new ArrayList<>();

  /**
   * The notified dates at the ends of a range of the not yet received: the latest with {@code most}
   * working days to the as-at date, which must be within [mostFrom, mostTo], and the latest working
   * day on or before {@code fewest}; as many as there are not yet received (none when the first is
   * not within its days, as when the as-at date is not yet 31 March).
   */
  List<LocalDate> ends(
      int most, LocalDate mostFrom, LocalDate mostTo, LocalDate fewest, int notYet) {
    LocalDate oldest = notifiedWithAge(most);
    if (notYet < 1 || oldest.isBefore(mostFrom) || oldest.isAfter(mostTo)) {
      return List.of();
    }
    return notYet == 1 ? List.of(oldest) : List.of(oldest, latestWorkingDay(fewest));
  }

  /** The latest working day with {@code days} working days from it to the as-at date. */
  LocalDate notifiedWithAge(int days) {
    LocalDate d = asAt;
    while (!calendar.isWorkingDay(d) || calendar.workingDaysBetween(d, asAt) < days) {
      d = d.minusDays(1);
    }
    return d;
  }

  LocalDate latestWorkingDay(LocalDate d) {
    LocalDate x = d;
    while (!calendar.isWorkingDay(x)) {
      x = x.minusDays(1);
    }
    return x;
  }

  void covid(List<Case> cases) {
    LocalDate lockdown = LocalDate.of(2020, 3, 23);
    List<String> factors =
        List.of(
            "PARENTAL_FAMILY_STRESSORS",
            "CHILD_VULNERABILITY",
            "SCHOOL_CLOSURE",
            "COVID_SAFE_ADAPTATION");
    for (Case c : cases) {
      if (c.incident.isBefore(lockdown)) {
        continue;
      }
      double p = c.incident.getYear() == 2020 ? 0.35 : c.incident.getYear() == 2021 ? 0.15 : 0.03;
      if (random.nextDouble() < p) {
        List<String> f = new ArrayList<>(factors);
        Collections.shuffle(f, random);
        int k = 1 + random.nextInt(2);
        List<String> chosen = new ArrayList<>(f.subList(0, k));
        shapeByAge(c, chosen);
        for (String code : factors) {
          if (chosen.contains(code)) {
            c.covid.add(code);
          }
        }
      }
    }
  }

  /**
   * Graph 2's shape (annual report 2020, paragraph 8: "Parental and family stressors were a strong
   * factor in incidents involving non-accidental injury (NAI) and neglect and sudden unexpected
   * death in infancy (SUDI). School closures were a more significant factor in incidents involving
   * adolescents"): for 85 in 100 infants (under 1) and SUDI cases that do not cite parental and
   * family stressors, one of the factors drawn (school closure first) becomes it; for 85 in 100
   * children aged 10 to 17 who do not cite school closures, one (parental and family stressors
   * first) becomes school closures. The number of factors stays as drawn, and the choice is a hash
   * of the case's reference, not a draw from {@code random}: every other table of a run depends on
   * that stream staying as it was.
   */
  static void shapeByAge(Case c, List<String> chosen) {
    int h = Math.floorMod(("covid:" + c.ref).hashCode() * 0x9E3779B1, 100);
    if (h >= 85) {
      return;
    }
    boolean infant = c.age() == 0 || "SUDI".equals(c.deathCategory);
    if (infant && !chosen.contains("PARENTAL_FAMILY_STRESSORS")) {
      replace(chosen, "SCHOOL_CLOSURE", "PARENTAL_FAMILY_STRESSORS");
    } else if (c.age() >= 10 && !chosen.contains("SCHOOL_CLOSURE")) {
      replace(chosen, "PARENTAL_FAMILY_STRESSORS", "SCHOOL_CLOSURE");
    }
  }

  /** Puts {@code to} in place of {@code preferred} when drawn, else of the last factor drawn. */
  private static void replace(List<String> chosen, String preferred, String to) {
    int i = chosen.indexOf(preferred);
    chosen.set(i >= 0 ? i : chosen.size() - 1, to);
  }

  // --- Rapid reviews ---------------------------------------------------------------------------

  /** Table 7's lead-in: notified in the last weeks of the year before, due in January. */
  List<Case> leadInDueInYear() {
    List<Case> out = new ArrayList<>();
    LocalDate last = lastNotifiedDueIn(year - 1);
    for (int i = 0; i < s(LEAD_IN_DUE_IN_YEAR); i++) {
      Case c = plainCase(year - 1);
      backdate(
          c,
          randomWorkingDay(last.plusDays(1), LocalDate.of(year - 1, 12, 31)),
          LocalDate.of(year - 1, 12, 1),
          LocalDate.of(year - 1, 12, 31));
      c.ref = refs.notification(c.incident.getYear());
      groupOf.put(c, Group.OUTSIDE);
      out.add(c);
    }
    return out;
  }

  static final int[][] BANDS = {{3, 15}, {16, 25}, {26, 59}, {60, 130}};

  /** Received in a band of working days (or, for "not yet", after the as-at date). */
  void receive(Case c, int band) {
    int max = calendar.workingDaysBetween(c.notified, asAt);
    if (band < 0) {
      // not yet received by the as-at date: received later, if that is not in the future
      LocalDate later = calendar.addWorkingDays(asAt, 5 + random.nextInt(60));
      c.received = later.isAfter(today) ? null : later;
      return;
    }
    int lo = BANDS[band][0];
    int hi = Math.min(BANDS[band][1], max);
    int e = hi < lo ? Math.max(1, max) : lo + random.nextInt(hi - lo + 1);
    c.received = calendar.addWorkingDays(c.notified, e);
  }

  void timeliness(List<Case> year, List<Case> leadIn) {
    Map<Group, List<Case>> groups = new LinkedHashMap<>();
    for (Group g : Group.values()) {
      groups.put(g, new ArrayList<>());
    }
    leadIn.forEach(c -> groups.get(Group.OUTSIDE).add(c));
    year.forEach(c -> groups.get(groupOf.get(c)).add(c));
    int[] outside = RECEIVED_OUTSIDE;
    int outsideLate = NOT_RECEIVED_OUTSIDE;
    if (year != null && this.year != 2020) {
      outside = new int[4];
      for (int b = 0; b < 4; b++) {
        outside[b] = RECEIVED_OUTSIDE[b] + RECEIVED_INSIDE[b];
      }
      outsideLate = NOT_RECEIVED_OUTSIDE + NOT_RECEIVED_INSIDE;
    }
    assign(groups.get(Group.OUTSIDE), outside, outsideLate, OUTSTANDING_MAX_OUTSIDE);
    assign(groups.get(Group.INSIDE), RECEIVED_INSIDE, NOT_RECEIVED_INSIDE, OUTSTANDING_MAX_INSIDE);
    List<Case> next = groups.get(Group.NEXT_YEAR);
    List<Case> late = pick(next, s(NOT_RECEIVED_DUE_NEXT_YEAR));
    for (Case c : next) {
      if (late.contains(c)) {
        receive(c, -1);
      } else {
        int max = calendar.workingDaysBetween(c.notified, asAt);
        int e = Math.max(1, Math.min(max, 5 + random.nextInt(30)));
        c.received = calendar.addWorkingDays(c.notified, e);
      }
    }
  }

  /**
   * Bands for a group: the received counts per band and the not-yet-received, scaled; the not yet
   * received at most {@code most} working days old on the as-at date where the group allows, and
   * the group's notifications at the ends of the range (see {@link #dates}) among them.
   */
  void assign(List<Case> group, int[] received, int notYet, int most) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int b = 0; b < 4; b++) {
      counts.put(Integer.toString(b), received[b]);
    }
    counts.put("-1", notYet);
    List<String> bands = quota(counts, group.size());
    // The lead-in's reviews are all received: swap any "not yet" onto the year's own.
    for (int i = 0; i < group.size(); i++) {
      if (group.get(i).leadIn && bands.get(i).equals("-1")) {
        for (int j = 0; j < group.size(); j++) {
          if (!group.get(j).leadIn && !bands.get(j).equals("-1")) {
            Collections.swap(bands, i, j);
            break;
          }
        }
      }
    }
    // The ends of the range: not yet received (while there are enough not yet received).
    for (Case end : rangeEnds) {
      int i = group.indexOf(end);
      if (i < 0 || bands.get(i).equals("-1")) {
        continue;
      }
      for (int j = 0; j < group.size(); j++) {
        if (bands.get(j).equals("-1") && !rangeEnds.contains(group.get(j))) {
          Collections.swap(bands, i, j);
          break;
        }
      }
    }
    // Not yet received: at most the range's greatest working days old on the as-at date where the
    // group allows (Table 7 gives 280, Table 8 247).
    for (int i = 0; i < group.size(); i++) {
      if (bands.get(i).equals("-1") && age(group.get(i)) > most) {
        for (int j = 0; j < group.size(); j++) {
          if (!group.get(j).leadIn && !bands.get(j).equals("-1") && age(group.get(j)) <= most) {
            Collections.swap(bands, i, j);
            break;
          }
        }
      }
    }
    for (int i = 0; i < group.size(); i++) {
      receive(group.get(i), Integer.parseInt(bands.get(i)));
    }
  }

  /** Working days from notification to the as-at date. */
  int age(Case c) {
    return calendar.workingDaysBetween(c.notified, asAt);
  }

  boolean receivedByAsAt(Case c) {
    return c.received != null && !c.received.isAfter(asAt);
  }

  /**
   * Decisions as at 31 March (paragraph 67): LCSPR in 25 of the 53 deaths from maltreatment or
   * extra-familial assault, 8 of the 20 related deaths, 33 other deaths and 101 non-fatal; 10
   * undecided; the rest no LCSPR. The Panel's view on 430 of them, agreeing with 297.
   */
  void decisions(List<Case> year) {
    List<Case> got = where(year, this::receivedByAsAt);
    List<Case> lcspr = new ArrayList<>();
    lcspr.addAll(
        pick(
            where(got, c -> MALTREATMENT_OR_EXTRA_FAMILIAL.contains(c.deathCategory)),
            s(LCSPR_MALTREATMENT_DEATHS)));
    lcspr.addAll(
        pick(where(got, c -> c.deathCategory.startsWith("RELATED_")), s(LCSPR_RELATED_DEATHS)));
    lcspr.addAll(
        pick(
            where(
                got,
                c ->
                    c.type.equals("DEATH")
                        && !MALTREATMENT_OR_EXTRA_FAMILIAL.contains(c.deathCategory)
                        && !c.deathCategory.startsWith("RELATED_")),
            s(LCSPR_OTHER_DEATHS)));
    int nonFatal = s(DECISION_LCSPR) - lcspr.size();
    lcspr.addAll(pick(where(got, c -> !c.type.equals("DEATH")), nonFatal));
    lcspr.forEach(c -> c.decision = "LCSPR");
    List<Case> rest = where(got, c -> !c.decision.equals("LCSPR"));
    List<Case> undecided = pick(rest, s(DECISION_UNDECIDED_RECEIVED));
    for (Case c : rest) {
      if (!undecided.contains(c)) {
        noLcspr(c);
      }
    }
    List<Case> decided = where(got, c -> !c.decision.equals("UNDECIDED"));
    List<Case> viewed = pick(decided, s(PANEL_AGREE) + s(PANEL_DISAGREE));
    for (int i = 0; i < viewed.size(); i++) {
      viewed.get(i).view = i < s(PANEL_AGREE) ? "AGREE" : "DISAGREE";
    }
    // Reviews received after the as-at date: decided later.
    for (Case c : year) {
      if (c.received != null && !receivedByAsAt(c)) {
        if (random.nextInt(10) < 3) {
          c.decision = "LCSPR";
        } else {
          noLcspr(c);
        }
      }
      themes(c);
    }
  }

  void noLcspr(Case c) {
    c.decision = "NO_LCSPR";
    int r = random.nextInt(100);
    c.reason =
        r < 45
            ? "NO_NEW_LEARNING"
            : r < 80 ? "LEARNING_ALREADY_IDENTIFIED" : r < 95 ? "OTHER_PROCESS" : "OTHER";
    c.alternative = random.nextInt(100) < 5;
  }

  void themes(Case c) {
    if (c.received == null || random.nextInt(100) >= 85) {
      return;
    }
    List<String> t = new ArrayList<>(THEMES);
    Collections.shuffle(t, random);
    int k = 1 + random.nextInt(3);
    for (String code : THEMES) {
      if (t.subList(0, k).contains(code)) {
        c.themes.add(code);
      }
    }
  }

  // --- LCSPRs ----------------------------------------------------------------------------------

  LocalDate notAfterToday(LocalDate d) {
    return d == null || d.isAfter(today) ? null : d;
  }

  /**
   * LCSPRs (paragraph 70, as at 31 December): one for each of the year's notifications decided on
   * one, initiated within three weeks of the review; and the lead-in that makes 2 initiated two
   * years before, 72 the year before and 182 in the year, of which 33 completed by its end (15
   * published, 13 of them more than 200 working days after initiation; 14 intending; 4 not).
   */
  List<Case> lcsprs(List<Case> year, List<Lcspr> out) {
    LocalDate yearEnd = LocalDate.of(this.year, 12, 31);
    int inYear = 0;
    for (Case c : year) {
      if (c.decision.equals("LCSPR") && c.received != null) {
        LocalDate initiated = notAfterToday(c.received.plusDays(random.nextInt(21)));
        if (initiated == null) {
          initiated = c.received;
        }
        if (!initiated.isAfter(yearEnd)) {
          inYear++;
        }
        out.add(
            new Lcspr(
                refs.lcspr(initiated.getYear()),
                List.of(c.ref),
                initiated,
                null,
                null,
                null,
                random.nextBoolean() ? "INTENDS_TO_PUBLISH" : "NOT_DECIDED"));
      }
    }
    List<Case> leadIn = new ArrayList<>();
    record Early(Case c, LocalDate initiated) {}
    List<Early> early = new ArrayList<>();
    int[] before = LCSPRS_INITIATED_TWO_YEARS_BEFORE_AND_BEFORE;
    for (int k = 0; k < 2; k++) {
      int y = this.year - 2 + k;
      for (int i = 0; i < s(before[k]); i++) {
        Case c =
            decidedOnLcspr(
                y, LocalDate.of(y, 1, 10), LocalDate.of(y, 9, 30), LocalDate.of(y, 1, 1), 25);
        LocalDate initiated = c.received.plusDays(random.nextInt(21));
        if (initiated.getYear() > y) {
          initiated = LocalDate.of(y, 12, 31);
        }
        leadIn.add(c);
        early.add(new Early(c, initiated));
      }
    }
    // Those initiated in the year for notifications of the year before.
    int fromBefore = Math.max(0, s(LCSPRS_INITIATED_IN_YEAR) - inYear);
    LocalDate lastDue = lastNotifiedDueIn(this.year - 1);
    for (int i = 0; i < fromBefore; i++) {
      int y = this.year - 1;
      Case c = decidedOnLcspr(y, LocalDate.of(y, 9, 1), lastDue, LocalDate.of(y, 8, 1), 30);
      LocalDate initiated = c.received.plusDays(random.nextInt(40));
      if (initiated.getYear() < this.year) {
        initiated = LocalDate.of(this.year, 1, 2).plusDays(random.nextInt(60));
      }
      if (initiated.isAfter(yearEnd)) {
        initiated = yearEnd;
      }
      leadIn.add(c);
      out.add(
          new Lcspr(
              refs.lcspr(initiated.getYear()),
              List.of(c.ref),
              initiated,
              null,
              null,
              null,
              "NOT_DECIDED"));
    }
    // Completed by the end of the year: from the earliest initiated.
    early.sort(Comparator.comparing(Early::initiated));
    int published = s(LCSPR_PUBLISHED);
    int over200 = s(LCSPR_PUBLISHED_OVER_200_WD);
    int intends = s(LCSPR_INTENDS);
    int not = s(LCSPR_NOT_PUBLISHING);
    for (int i = 0; i < early.size(); i++) {
      Early e = early.get(i);
      LocalDate initiated = e.initiated();
      Lcspr l;
      if (i < over200) {
        LocalDate pub = calendar.addWorkingDays(initiated, 201 + random.nextInt(60));
        if (pub.isAfter(yearEnd)) {
          pub = minusWorkingDays(yearEnd, random.nextInt(5));
        }
        l = published(e.c(), initiated, pub);
      } else if (i < published) {
        LocalDate pub = calendar.addWorkingDays(initiated, 120 + random.nextInt(70));
        l = published(e.c(), initiated, pub.isAfter(yearEnd) ? yearEnd : pub);
      } else if (i < published + intends + not) {
        LocalDate completed = initiated.plusDays(150 + random.nextInt(200));
        if (completed.isAfter(yearEnd)) {
          completed = yearEnd.minusDays(random.nextInt(30));
        }
        if (completed.isBefore(initiated)) {
          completed = initiated;
        }
        l =
            new Lcspr(
                refs.lcspr(initiated.getYear()),
                List.of(e.c().ref),
                initiated,
                completed,
                null,
                null,
                i < published + intends ? "INTENDS_TO_PUBLISH" : "NOT_PUBLISHING");
      } else {
        LocalDate completed = notAfterToday(yearEnd.plusDays(20 + random.nextInt(200)));
        l =
            new Lcspr(
                refs.lcspr(initiated.getYear()),
                List.of(e.c().ref),
                initiated,
                completed,
                null,
                null,
                completed == null ? "NOT_DECIDED" : "INTENDS_TO_PUBLISH");
      }
      out.add(l);
    }
    return leadIn;
  }

  /**
   * A lead-in notification of year y, notified between two days, whose rapid review (received 10
   * working days or more later, up to {@code spread} more) decided on an LCSPR.
   */
  Case decidedOnLcspr(
      int y, LocalDate notifiedFrom, LocalDate notifiedTo, LocalDate earliest, int spread) {
    Case c = plainCase(y);
    backdate(c, randomWorkingDay(notifiedFrom, notifiedTo), earliest, LocalDate.of(y, 12, 31));
    c.received = calendar.addWorkingDays(c.notified, 10 + random.nextInt(spread));
    c.decision = "LCSPR";
    c.view = random.nextInt(100) < 69 ? "AGREE" : "DISAGREE";
    c.ref = refs.notification(y);
    return c;
  }

  Lcspr published(Case c, LocalDate initiated, LocalDate publication) {
    LocalDate completed = publication.minusDays(20 + random.nextInt(40));
    if (completed.isBefore(initiated)) {
      completed = initiated;
    }
    LocalDate notice = minusWorkingDays(publication, 7 + random.nextInt(8));
    if (notice.isBefore(completed)) {
      notice = completed;
    }
    return new Lcspr(
        refs.lcspr(initiated.getYear()),
        List.of(c.ref),
        initiated,
        completed,
        notice,
        publication,
        "PUBLISHED");
  }

  // --- Lead-in notifications (plausible, not calibrated) ---------------------------------------

  Case plainCase(int y) {
    Case c = new Case();
    c.leadIn = true;
    c.type = draw(TYPES);
    if (c.type.equals("DEATH")) {
      c.deathCategory = draw(DEATH_CATEGORIES);
    } else {
      c.harmCategory =
          draw(c.type.equals("OTHER") ? HARM_CATEGORIES_OTHER : HARM_CATEGORIES_SERIOUS_HARM);
    }
    double[] b = ageBase(c.category());
    double key = b[0] + random.nextDouble() * b[1];
    c.ages.add(
        key < 0
            ? 0
            : key < 5
                ? random.nextInt(2)
                : key < 12 ? 2 + random.nextInt(9) : 11 + random.nextInt(7));
    int t = TYPE_ORDER.indexOf(c.type);
    int total = TYPES.get(c.type);
    for (String code :
        List.of("PARENTAL_SEPARATION", "PARENTAL_ACES", "PARENTAL_CRIMINAL_RECORD")) {
      if (random.nextInt(total) < CHARACTERISTICS.get(code)[t]) {
        c.characteristics.add(code);
      }
    }
    if (random.nextInt(total) < DOMESTIC_ABUSE[t]) {
      c.characteristics.add("DOMESTIC_ABUSE");
      if (random.nextInt(100) < 60) {
        c.characteristics.add("PARENTAL_DRUG_MISUSE");
      }
    }
    c.csc = draw(column(CSC, t));
    if (c.csc.equals("LOOKED_AFTER")) {
      c.court = random.nextBoolean() ? "CARE_ORDER" : "SECTION_20";
      c.living = "FOSTER_CARE";
    }
    c.decile = 1 + random.nextInt(10);
    List<LocalAuthority> las =
        where(inOperationAllYear(y), a -> a.inOperationOn(LocalDate.of(y, 1, 1)));
    List<Double> w = las.stream().map(YearBlock::weight).toList();
    double total2 = w.stream().mapToDouble(Double::doubleValue).sum();
    double r = random.nextDouble() * total2;
    int i = 0;
    while (i < las.size() - 1 && (r -= w.get(i)) > 0) {
      i++;
    }
    laOf.put(c, las.get(i));
    return c;
  }

  // --- Children --------------------------------------------------------------------------------

  static final Map<String, List<String>> ETHNIC_CODES = new LinkedHashMap<>();

  static {
    ETHNIC_CODES.put("WHITE_BRITISH", List.of("WBRI"));
    ETHNIC_CODES.put("WHITE_OTHER", List.of("WIRI", "WIRT", "WOTH", "WROM"));
    ETHNIC_CODES.put("MIXED", List.of("MWBC", "MWBA", "MWAS", "MOTH"));
    ETHNIC_CODES.put("ASIAN", List.of("AIND", "APKN", "ABAN", "AOTH"));
    ETHNIC_CODES.put("BLACK", List.of("BCRB", "BAFR", "BOTH"));
    ETHNIC_CODES.put("OTHER", List.of("CHNE", "OOTH"));
    ETHNIC_CODES.put("NOT_RECORDED", List.of("", "", "", "", "REFU", "NOBT"));
  }

  private boolean prepared;

  /**
   * The children of a notification, from their ages: gender and ethnicity by quota over the year's
   * children (two transgender teenagers; Black children more often teenagers, as the report notes),
   * and for the lead-in in the same proportions.
   */
  void finishChildren(Case c) {
    if (!c.children.isEmpty()) {
      return;
    }
    if (!prepared) {
      prepared = true;
      prepareChildren();
    }
    for (int k = 0; k < c.ages.size(); k++) {
      String gender;
      String group;
      String key = c.ref + "/" + k;
      if (!c.leadIn && assignedGender.containsKey(key)) {
        gender = assignedGender.get(key);
        group = assignedGroup.get(key);
      } else {
        gender = random.nextInt(514) < 274 ? "MALE" : "FEMALE";
        group = draw(ETHNIC_GROUPS);
      }
      List<String> codes = ETHNIC_CODES.get(group);
      String ethnicity = codes.get(random.nextInt(codes.size()));
      int age = c.ages.get(k);
      String name = null;
      LocalDate dob = null;
      if (identifying) {
        name = "Fictitious Child " + (char) ('A' + k) + " (synthetic " + c.ref + ")";
        dob = c.incident.minusYears(age + 1L).plusDays(1 + random.nextInt(364));
      }
      c.children.add(new Child(k + 1, gender, age, ethnicity, name, dob));
    }
  }

  private final Map<String, String> assignedGender = new LinkedHashMap<>();
  private final Map<String, String> assignedGroup = new LinkedHashMap<>();
  private List<Case> yearCasesForChildren = List.of();

  void prepareChildren() {
    record Kid(Case c, int k) {
      String key() {
        return c.ref + "/" + k;
      }
    }
    List<Kid> kids = new ArrayList<>();
    for (Case c : yearCasesForChildren) {
      for (int k = 0; k < c.ages.size(); k++) {
        kids.add(new Kid(c, k));
      }
    }
    Map<String, Integer> g = new LinkedHashMap<>(GENDER);
    int trans = Math.min(s(g.remove("TRANSGENDER")), kids.size());
    Set<Kid> taken = new HashSet<>();
    for (Kid kid :
        pick(
            where(kids, k -> k.c().ages.get(k.k()) >= 13),
            trans,
            k -> ADOLESCENT.contains(k.c().category()) ? 1 : 0)) {
      assignedGender.put(kid.key(), "TRANSGENDER");
      taken.add(kid);
    }
    List<Kid> rest = where(kids, k -> !taken.contains(k));
    List<String> mf = quota(g, rest.size());
    for (int i = 0; i < rest.size(); i++) {
      assignedGender.put(rest.get(i).key(), mf.get(i));
    }
    Map<String, Integer> groups = new LinkedHashMap<>(ETHNIC_GROUPS);
    List<String> all = quota(groups, kids.size());
    int black = (int) all.stream().filter("BLACK"::equals).count();
    List<Kid> blackKids = pick(kids, black, k -> k.c().ages.get(k.k()) >= 13 ? 0.6 : 0);
    Set<Kid> isBlack = new HashSet<>(blackKids);
    List<String> others = new ArrayList<>(where(all, x -> !x.equals("BLACK")));
    Collections.shuffle(others, random);
    int o = 0;
    for (Kid k : kids) {
      assignedGroup.put(k.key(), isBlack.contains(k) ? "BLACK" : others.get(o++));
    }
  }

  /** Hands the year's own cases to the children's quotas (called by {@link #build}). */
  void forChildren(List<Case> year) {
    this.yearCasesForChildren = year;
  }

  // --- Yearly reports --------------------------------------------------------------------------

  /** Paragraph 56: 68 reports, 50 evidencing the requirements fully or partly, 18 not. */
  List<YearlyReport> yearlyReports() {
    List<YearlyReport> out = new ArrayList<>();
    List<LocalAuthority> las = new ArrayList<>(inOperationAllYear(year));
    Collections.shuffle(las, random);
    int good = s(YEARLY_FULLY_OR_PARTLY);
    int poor = s(YEARLY_NOT_EVIDENCED);
    List<String> levels = List.of("FULL", "PARTIAL", "NONE");
    for (int i = 0, made = 0; made < good + poor && i < las.size() * 50; i++) {
      LocalAuthority la = las.get(i % las.size());
      LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
      if (day.getYear() != year || day.isAfter(today) || !refs.takeYearlyReport(la.code(), day)) {
        continue;
      }
      List<String> r = new ArrayList<>();
      boolean evidenced = made < good;
      int nones = evidenced ? random.nextInt(3) : 3 + random.nextInt(2);
      for (int q = 0; q < 4; q++) {
        r.add(q < nones ? "NONE" : levels.get(random.nextInt(2)));
      }
      Collections.shuffle(r, random);
      out.add(new YearlyReport(la.code(), day, r));
      made++;
    }
    return out;
  }
}
