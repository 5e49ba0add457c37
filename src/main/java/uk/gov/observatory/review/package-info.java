/**
 * Reviews: the rapid review a safeguarding partnership sends after a notification, the Panel's view
 * of it (agree or disagree, challenges, a quality assessment, national review), and the local child
 * safeguarding practice review (LCSPR) that may follow, to publication. Clocks and worklists are
 * computed when asked, never stored.
 */
package uk.gov.observatory.review;
