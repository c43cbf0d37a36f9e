// Package signature will verify the digital signatures on applications and
// sign the documents the service issues.
//
// It will check that a signature is genuine and that the signer's
// certificate from the national certification authority was within its
// validity period and not revoked at the moment of receipt, telling an
// invalid signature (the application is refused, with the reason) from one
// that could not be checked (the application waits). It will read the
// holder's IIN or BIN and role from the certificate, refuse authentication
// keys for signing, and sign referrals and notifications with the agency's
// key.
//
// It imports only package registry.
package signature
