-- Identifying details are sealed (AES-256-GCM, see the protection module) before they are stored:
-- each value is text of the form v1:<keyId>:<base64(iv || ciphertext || tag)>, never plaintext.
-- The next migration (2.1, Java: notification.internal.V2_1__Seal_plaintext_identifying_details)
-- seals any plaintext left in the old columns by earlier versions and drops them.
alter table child
  add column child_name_sealed    text,
  add column date_of_birth_sealed text;
