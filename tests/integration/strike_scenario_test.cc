// The reference strike scenario (scenarios/strike-ew.yaml, docs/ew.md) against closed forms, on a
// small batch read back from the results file with SQLite (an independent reader):
//  - without electronic suppression the bombs keep GNSS: each lands circular-normal about the
//    target with CEP 5 m, so the share within the 8 m lethal radius is 1 − 2^(−(8/5)²) = 0.8304;
//  - every bomb released either lands or is intercepted (weapons_on_target counts landings only);
//  - in the 50 km variant every bomb loses GNSS at least ~100 s before impact (the jammer's denial
//    range is ~50 km, the glide speed 230 m/s), so its CEP is at least 5 + 0.5144 · 100 = 56.4 m
//    and its chance of landing within 8 m at most 1 − 2^(−(8/56.4)²) = 0.0138.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <string>

#include "test_support.h"

namespace iadsim::test {
namespace {

struct Totals {
  double released = 0, on_target = 0, intercepted = 0, landed = 0;
};

Totals Sum(const std::filesystem::path& db_file, const std::string& variant) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT sum(weapons_released), sum(weapons_on_target), sum(weapons_intercepted), "
                     "(SELECT count(*) FROM events e JOIN variants v USING (variant_id) "
                     " WHERE v.name = ?1 AND e.type = 'weapon_impact') "
                     "FROM replications WHERE variant = ?1 AND status = 'ok'",
                     -1, &s, nullptr);
  sqlite3_bind_text(s, 1, variant.c_str(), -1, SQLITE_TRANSIENT);
  Totals t;
  if (s && sqlite3_step(s) == SQLITE_ROW)
    t = {sqlite3_column_double(s, 0), sqlite3_column_double(s, 1), sqlite3_column_double(s, 2),
         sqlite3_column_double(s, 3)};
  sqlite3_finalize(s);
  sqlite3_close(db);
  return t;
}

TEST(StrikeScenario, BombsLandAsTheirCepSaysWithAndWithoutGnss) {
  const auto out = FreshDir("strike-ew") / "results.sqlite";
  std::filesystem::create_directories(out.parent_path());
  const CommandResult r =
      RunIadsim("batch " + SourcePath("scenarios/strike-ew.yaml") + " --runs 40 --seed 3 --threads 2 --quiet" +
                " --variant no-ew=" + SourcePath("scenarios/variants/no-ew.yaml") +
                " --variant ew-50km=" + SourcePath("scenarios/variants/ew-50km.yaml") + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* variant : {"no-ew", "ew-50km"}) {
    const Totals t = Sum(out, variant);
    EXPECT_EQ(t.released, 40 * 16) << variant;  // four jets, four bombs each, all released
    EXPECT_EQ(t.landed + t.intercepted, t.released) << variant;
  }
  const Totals clear = Sum(out, "no-ew");
  const double p = 1.0 - std::pow(2.0, -std::pow(8.0 / 5.0, 2.0));
  EXPECT_NEAR(clear.on_target / clear.landed, p, 2.576 * std::sqrt(p * (1 - p) / clear.landed));
  const Totals jammed = Sum(out, "ew-50km");
  const double q = 1.0 - std::pow(2.0, -std::pow(8.0 / (5.0 + 0.5144 * 100.0), 2.0));
  EXPECT_LE(jammed.on_target / jammed.landed, q + 2.576 * std::sqrt(q * (1 - q) / jammed.landed));
}

}  // namespace
}  // namespace iadsim::test
