// Command barehttp serves a fixed small JSON body from a bare net/http
// handler. The load script measures it in the same run as hirebase, as the
// ceiling this machine and load generator allow.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18081", "listen address")
	flag.Parse()
	body := []byte(`{"status":"ok"}` + "\n")
	srv := &http.Server{
		Addr:              *addr,
		ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		}),
	}
	log.Fatal(srv.ListenAndServe())
}
