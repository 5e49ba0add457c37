/**
 * Learning from reviews: thematic analyses (a population over notifications, rapid reviews and
 * LCSPRs; reproducible samples and control groups drawn with a recorded seed and frozen when drawn;
 * a coding frame; cases coded by assigned coders, a share double-coded blind, agreement measured
 * and disagreements resolved by a third person; results with 95% intervals) and the quarterly
 * learning briefing (figures, practice themes, the analyses published in the quarter and learning
 * excerpts checked for children's names before approval).
 */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "analytics",
      "api",
      "audit",
      "notification",
      "reference",
      "review",
      "web"
    })
package uk.gov.observatory.learning;

import org.springframework.modulith.ApplicationModule;
