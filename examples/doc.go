// Package examples holds runnable programs that wire kezek together. Each
// lives in its own directory and runs with go run, for example:
//
//	go run ./examples/quickstart
package examples
