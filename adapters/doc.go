// Package adapters is the parent of the packages that connect kezek to the
// world: the stores that package application declares (in memory, SQLite
// embedded by default, PostgreSQL for scale), the state registers of package
// registry, the notifier, and the rendering of printable documents.
//
// The domain packages never import an adapter; programs choose adapters and
// wire them, as the examples do.
package adapters
