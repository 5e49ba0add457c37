/**
 * The learning library: every published review, searchable by anyone. Documents (published LCSPR
 * reports, the Panel's national reviews, thematic analyses, briefings and earlier serious case
 * reviews) with their metadata and their PDF's text page by page, indexed in PostgreSQL's full text
 * search (weighted, English stemming, web search syntax), with facets, snippets and the pages where
 * the words are. Nothing is published before its text is checked for children's identifying details
 * (or the secretariat overrides the check, with a reason, audited). The public pages read through a
 * database role that reaches only published documents. Subscribers get a monthly email of new
 * publications.
 */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "audit",
      "database",
      "learning",
      "notification",
      "reference",
      "review",
      "web"
    })
package uk.gov.observatory.library;

import org.springframework.modulith.ApplicationModule;
