-- Accounts leave the data file. Users, sessions, API tokens and failed sign-ins now live in a
-- file of their own beside it (plantrack.db → plantrack.accounts.db), so the data can be
-- published, copied or opened in Datasette without a credential in it. `plantrack migrate`
-- copies the rows of these tables into that file before this migration drops them.
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE api_tokens;
DROP TABLE users;
