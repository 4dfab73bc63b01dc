#!/bin/sh
# How the go test -json fixtures were made, in the module of ../go-cover/src with src/ laid out as packages.
go test -json ./calc/ > pass.jsonl;                   go test -v ./calc/ > pass.v.txt
go test -json ./failing/ > fail.jsonl;                go test -v ./failing/ > fail.v.txt
go test -json ./panicky/ > panic.jsonl;               go test -v ./panicky/ > panic.v.txt 2>&1
go test -json -timeout 2s ./slow/ > timeout.jsonl;    go test -v -timeout 2s ./slow/ > timeout.v.txt 2>&1
go test -json ./calc/ ./failing/ ./broken/ > mixed-go1.19.jsonl 2>/dev/null
go test -json ./broken/ > build-failed-go1.19.jsonl 2>/dev/null
go test -json ./broken/ > build-failed-stderr-go1.19.jsonl 2>&1
go test -json ./broken/ ./calc/ > broken-first-go1.19.jsonl 2>/dev/null
