// GOV.UK Frontend, from the WebJar. A module script runs only in browsers that support the
// components, so this is where the body is marked as supporting them (no inline script, so a
// Content-Security-Policy can forbid inline script).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
