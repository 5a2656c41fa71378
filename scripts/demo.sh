#!/bin/sh
# The main job on the bundled documents, on a throw-away database: import the plan, record a
# few updates and training sessions, correct one, and show where the ten actions and the 2025
# milestone stand. Called by `make demo` with DB and BIN set.
set -eu
: "${DB:?}" "${BIN:?}"
rm -f "$DB" "$DB-wal" "$DB-shm"
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
"$BIN" dashboard --out "${DB%.db}.html" --as-of 2025-12-31
echo "database: $DB"

# The web front end: a first admin with a one-time password (changed at first sign-in).
password=$("$BIN" user add admin --role admin | sed 's/^one-time password for admin: //')
echo
echo "Serve it to a browser (http://127.0.0.1:8080/), then sign in as admin with the one-time password:"
echo "  $BIN serve --db $DB"
echo "  admin one-time password: $password"
