#!/bin/sh
# How the LCOV fixtures were made (lcov 1.16 and gcc 12 from Debian 12: `apt-get install lcov`), run in a scratch
# directory holding calc.c. The tracefiles' SF paths were then changed from the scratch directory to /src/.
set -e
gcc --coverage -O0 -o calc calc.c
./calc && ./calc 5                                       # calc.info: two runs
lcov --capture --directory . --rc lcov_branch_coverage=1 --output-file calc.info
lcov --zerocounters --directory .
./calc -4 x y && ./calc 0                                # second.info: two other runs
lcov --capture --directory . --rc lcov_branch_coverage=1 --test-name second --output-file second.info
lcov -a calc.info -a second.info --rc lcov_branch_coverage=1 -o merged.info
# lcov's own merge test inputs (tests/lcov/merge/{a,b}.info, see NOTICE) merged by lcov itself:
lcov -a lcov-merge-a.info -a lcov-merge-b.info --rc lcov_branch_coverage=1 -o lcov-merge-ab.info
# The producer's figures, which the tests assert (LcovReaderTests):
for f in calc second merged lcov-merge-a lcov-merge-b lcov-merge-ab; do
    lcov --summary $f.info --rc lcov_branch_coverage=1 2>&1 | grep -E 'lines\.|branches\.' > $f.summary.txt
done
# coverlet-reportgenerator.info (ReportGenerator's coverlet tracefile, see NOTICE): lcov's own figures on it.
lcov --summary coverlet-reportgenerator.info --rc lcov_branch_coverage=1 2>&1 | grep -E 'lines\.|branches\.' \
    > coverlet-reportgenerator.summary.txt
# order-ab.info is hand-written (records of one file apart, branches of a line out of order, a branch only in the
# second record); lcov's own figures on it:
lcov --summary order-ab.info --rc lcov_branch_coverage=1 2>&1 | grep -E 'lines\.|branches\.' > order-ab.summary.txt
