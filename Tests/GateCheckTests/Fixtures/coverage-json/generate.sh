#!/bin/sh
# How the coverage.py JSON fixtures were made, from a scratch copy of sample-project/ (run inside it).
set -e
RC=../scripts/coveragerc   # this repository's scripts/coveragerc
python3 -m coverage run --rcfile=$RC/branch.ini --data-file=unit.coverage -m pytest -q -m "not integration"
python3 -m coverage run --rcfile=$RC/branch.ini --data-file=integ.coverage -m pytest -q -m integration
cp unit.coverage c1.coverage.a && cp integ.coverage c1.coverage.b
python3 -m coverage combine --rcfile=$RC/branch.ini --data-file=combined.coverage --keep c1.coverage.a c1.coverage.b
python3 -m coverage run --rcfile=$RC/statement-only.ini --data-file=statement-only.coverage -m pytest -q
for n in unit integ combined; do
    python3 -m coverage json --rcfile=$RC/branch.ini --data-file=$n.coverage -o $n.json -q
    python3 -m coverage report --rcfile=$RC/branch.ini --data-file=$n.coverage > $n.report.txt
done
python3 -m coverage json --rcfile=$RC/statement-only.ini --data-file=statement-only.coverage -o statement-only.json -q
python3 -m coverage report --rcfile=$RC/statement-only.ini --data-file=statement-only.coverage > statement-only.report.txt
