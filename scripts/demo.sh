#!/bin/sh
# The main job on the bundled documents, on a throw-away database: import the plan, record a
# few updates and training sessions, correct one, and show where the ten actions and the 2025
# milestone stand. Then targets: a second plan in another layout, actuals for a plan-level
# target, an action-level count, a date-only deliverable and an indicator, a correction, a
# withdrawn session, and every target's status at two dates, from the CLI and from the view.
# Called by `make demo` with DB and BIN set.
set -eu
: "${DB:?}" "${BIN:?}"
# The data and its accounts file beside it (plantrack.db → plantrack.accounts.db), so a second run
# starts as fresh as the first and makes its admin again.
ACCOUNTS="${DB%.db}.accounts.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "$ACCOUNTS" "$ACCOUNTS-wal" "$ACCOUNTS-shm"
export PLANTRACK_DB="$DB"
run() { echo "\$ plantrack $*"; "$BIN" "$@"; echo; }

run init
run action list
run progress add 1 "Joint AI infrastructure lab agreed with two partner countries" --status in-progress --date 2025-03-10 --author demo
run progress add 6 "Second training programme announced" --status in-progress --date 2025-04-02 --author demo
id=$("$BIN" progress add 10 "Policy dialogue held" --status completed --date 2025-05-20 --author demo)
echo "\$ plantrack progress correct $id --status in-progress   # the dialogue was only the first round"
"$BIN" progress correct "$id" "First round of the policy dialogue held" --status in-progress; echo
run training add --title "AI capacity-building workshop (Africa)" --start 2025-05-12 --end 2025-05-23 --location Beijing --participants 38 --countries 21
run training add --title "Seminar on AI for sustainable development" --start 2025-07-07 --end 2025-07-18 --location Shanghai --participants 42 --countries 25
run action list --as-of 2025-06-30
run milestone list --as-of 2025-12-31
run action show 6
run report overdue --as-of 2026-01-31
run search 研修

# Targets of every plan.
run import "$(dirname "$0")/demo/compute-plan.md"
# The importer reads the plan's main target ("到2025年，算力规模超过300 EFLOPS") as compute-plan-t1;
# an importer without that rule leaves it to be declared by hand, under the same slug.
if ! "$BIN" commitment show compute-plan-t1 >/dev/null 2>&1; then
    run commitment add --plan compute-plan compute-plan-t1 "到2025年，算力规模超过300 EFLOPS" --target "300 EFLOPS" --qualifier ">" --due 2025
fi
run commitment add joint-labs "20 joint AI laboratories with partner countries by the end of 2026" --action 3 --target "20 labs" --due 2026-12-31
run commitment add open-platform "An open AI capacity-building platform online by 2025-09-30" --action 1 --due 2025-09-30
run indicator add --name "Factory AI adoption share" --unit %
run commitment add --plan compute-plan factory-adoption "到2026年，智能工厂人工智能应用比例达到50%" --target 50% --due 2026-12-31 --indicator factory-ai-adoption-share   # a target declared by hand, measured by an indicator
run commitment record compute-plan-t1 "230 EFLOPS" --date 2025-01-15 --evidence https://example.org/compute-2024
id=$("$BIN" commitment record compute-plan-t1 280 --date 2025-09-30 --note "preliminary estimate")
echo "\$ plantrack commitment correct $id 310 --note 'final figure'   # the estimate was revised"
"$BIN" commitment correct "$id" 310 --note "final figure"; echo
run commitment record joint-labs "12 labs" --date 2025-06-30
run progress add 1 "Open platform online" --status completed --date 2025-09-20 --author demo
run indicator record factory-ai-adoption-share 36% --as-of 2025-10-31 --evidence https://example.org/share-2025
session=$("$BIN" training list --format csv | awk -F, 'NR == 2 { print $1 }')
run training withdraw "$session" --reason "counted twice: part of the Africa programme" --date 2025-10-01
run milestone list --as-of 2025-09-30
run milestone list --as-of 2025-10-01
run commitment list --as-of 2025-06-30
run commitment list --as-of 2025-12-31
run commitment show compute-plan-t1
run indicator show factory-ai-adoption-share
run report overdue --as-of 2026-01-31
echo "\$ plantrack sql 'SELECT slug, plan, action, actual, percent, status FROM commitment_progress'   # the view, as of today"
"$BIN" sql "SELECT slug, plan, action, actual, percent, status FROM commitment_progress ORDER BY plan, action IS NOT NULL, action, slug"; echo
"$BIN" dashboard --out "${DB%.db}.html" --as-of 2025-12-31
"$BIN" dashboard --plan compute-plan --out "${DB%.db}-compute-plan.html" --as-of 2025-12-31
echo "database: $DB"

# The web front end: a first admin with a one-time password (changed at first sign-in).
# No pipe: under `set -e` a refused `user add` stops the demo instead of printing an empty password.
created=$("$BIN" user add admin --role admin)
password=${created#one-time password for admin: }
echo
echo "Serve it to a browser (http://127.0.0.1:8080/), then sign in as admin with the one-time password:"
echo "  $BIN serve --db $DB"
echo "  admin one-time password: $password"
