/**
 * Protection of identifying details (children's names, dates of birth, addresses): sealed with
 * AES-GCM before they are stored, under keys from configuration.
 */
package uk.gov.observatory.protection;
