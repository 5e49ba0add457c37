// GOV.UK Frontend, from the WebJar. A module script runs only in browsers that support the
// components, so this is where the body is marked as supporting them (no inline script, so a
// Content-Security-Policy can forbid inline script).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A wide table scrolls inside its own box, not the page (320 px wide screens): every GOV.UK table
// not already in one is put in a keyboard-focusable region named by its caption. Pages that wrap
// their tables themselves (class observatory-table-scroll) are left as they are.
for (const table of document.querySelectorAll('main table.govuk-table')) {
  if (table.closest('.observatory-table-scroll, .app-table-scroll')) {
    continue;
  }
  const region = document.createElement('div');
  region.className = 'observatory-table-scroll';
  region.tabIndex = 0;
  region.setAttribute('role', 'region');
  const caption = table.querySelector('caption');
  const heading = caption ? caption.textContent.trim() : '';
  region.setAttribute('aria-label', heading ? heading + ' (table, scrolls sideways)' : 'Table, scrolls sideways');
  table.parentNode.insertBefore(region, table);
  region.appendChild(table);
}
