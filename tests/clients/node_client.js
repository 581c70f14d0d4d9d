// node_client.js: backpain from Node's better-sqlite3@12, which bundles its
// own, much newer SQLite. Reports TAP. Run with NODE_PATH pointing at the
// node_modules that holds better-sqlite3 (make deps-clients installs it
// into build/node).
"use strict";
const fs = require("fs");

// Without better-sqlite3 the whole test is skipped (TAP "1..0 # SKIP"), or
// fails under REQUIRE_CLIENTS=1, as tests/support/tap.sh's skip_all does.
function requireOrSkip(name) {
  try {
    return require(name);
  } catch (e) {
    if (e.code !== "MODULE_NOT_FOUND" || !e.message.includes(`'${name}'`)) throw e;
    const reason = `${name} not installed (make deps-clients)`;
    if (process.env.REQUIRE_CLIENTS === "1") {
      console.log(`not ok 1 - ${reason} (REQUIRE_CLIENTS=1: every client must run)`);
      console.log("1..1");
      process.exit(1);
    }
    console.log(`1..0 # SKIP ${reason}`);
    process.exit(0);
  }
}
const Database = requireOrSkip("better-sqlite3");

let tests = 0;
let failed = 0;
function ok(condition, name, detail) {
  tests++;
  if (!condition) failed++;
  console.log(`${condition ? "ok" : "not ok"} ${tests} - ${name}`);
  if (!condition && detail !== undefined) console.log(`#   ${detail}`);
}

const ext = process.env.BACKPAIN_EXT || "dist/backpain";
const db = new Database(":memory:");
db.loadExtension(ext);
const version = db.prepare("select sqlite_version() as v").get().v;
ok(true, `loadExtension(${JSON.stringify(ext)}) into better-sqlite3's SQLite ${version}`);

ok(db.prepare("select backpain_version() as v").get().v ===
   fs.readFileSync("VERSION", "utf8").trim(), "backpain_version() matches VERSION");

const row = db.prepare("select relaxant_days(?, ?) as d, relaxant_overdue(?, ?) as o")
  .get("2024-01-01", "2024-01-21", "2024-01-01", "2024-01-22");
ok(row.d === 21 && row.o === 1, "scalars with bound parameters", JSON.stringify(row));

db.exec("create table fills(pid, s, e)");
const insert = db.prepare("insert into fills values (?, ?, ?)");
for (const f of [[1, "2024-01-31", "2024-02-13"], [1, "2024-01-01", "2024-01-14"],
                 [1, "2024-01-17", "2024-01-30"], [2, "2024-01-01", "2024-01-10"],
                 [2, "2024-01-19", "2024-01-28"]]) {
  insert.run(...f);
}
const longest = db.prepare("select pid, relaxant_longest_course(s, e) as l from fills " +
                           "group by pid order by pid").all();
ok(JSON.stringify(longest) === '[{"pid":1,"l":44},{"pid":2,"l":10}]', "aggregate per patient",
   JSON.stringify(longest));

const labels = db.prepare("select relaxant_course_no(s, e) over (partition by pid order by s) " +
                          "as n from fills order by pid, s").all().map(r => r.n);
ok(JSON.stringify(labels) === "[1,1,1,1,2]", "window function", JSON.stringify(labels));

const plan = JSON.parse(db.prepare("select recommend_plan('pain_weeks', ?, 'red_flags', ?) as p")
  .get(2, JSON.stringify(["fever"])).p);
ok(plan.pathway === "evaluate_specific_cause" && plan.stage === null,
   "recommend_plan with a red flag", JSON.stringify(plan));

const avoid = db.prepare("select count(*) as n from guideline_evidence where recommendation = ?")
  .get("avoid").n;
ok(avoid === 5, "virtual table with a bound constraint", String(avoid));

// In this newer SQLite, json_each is innocuous: views may unpack plans
// under trusted_schema=OFF.
db.exec("pragma trusted_schema = off; " +
        "create view steps as select json_extract(s.value, '$.intervention') as i " +
        "from json_each(recommend_plan('pain_weeks', 2), '$.steps') as s");
const steps = db.prepare("select group_concat(i) as g from steps").get().g;
ok(steps === "heat_therapy,massage,acupuncture,spinal_manipulation,nsaid,lumbar_support,tens",
   "a view unpacking a plan under trusted_schema=OFF", steps);

let message = "";
try {
  db.prepare("select relaxant_days('2024-02-30', '2024-03-01')").get();
} catch (error) {
  message = error.message;
}
ok(message === "relaxant_days(): start must be a date (YYYY-MM-DD or a Julian day number), " +
              "got '2024-02-30'", "errors arrive as exceptions with the contract's message",
   message);

db.close();
console.log(`1..${tests}`);
process.exit(failed ? 1 : 0);
