// The run writer's CSV lines, compared with hand-written RFC 4180 text: fields with a comma,
// quote or newline quoted (inner quotes doubled), numbers with their fixed decimals (rounded half
// to even on the exact binary value, a '-' on negative zero).
#include "iadsim/io/run_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace iadsim {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RunWriter, CsvLinesQuoteTheirFieldsAndFixTheirDecimals) {
  const fs::path dir = fs::temp_directory_path() / ("iadsim-run-writer-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  {
    RunWriter w(dir, false);
    w.OnTruth({SimTime::Seconds(1.5), 7, "A, \"b\"", "aircraft", Geodetic{35.125, -0.0000000001, 3000.005},
               Vec3(0.125, -0.0, 2.675)});
    w.OnTruth({SimTime::Seconds(2.0), 8, "plain", "missile", Geodetic{-1.0, 2.0, 3.0}, Vec3(4.0, 5.0, 6.0)});
    w.OnTrack({SimTime::Seconds(3.25), "unit,one", 12, Geodetic{10.00000005, 20.0, -1.0}, Vec3(1.0, 2.0, 3.0), "hostile"});
    w.OnTrack({SimTime::Seconds(4.0), "two\nlines", 3, Geodetic{0.0, 0.0, 0.0}, Vec3::Zero(), "friend"});
    RunSummary s;
    w.Finish(s);
  }
  // In binary 3000.005 is 3000.00500000000010... (up), 2.675 is 2.67499999999999982... (down),
  // 10.00000005 is 10.0000000500000006... (7 decimals: up); 0.125 is an exact tie (to even: 0.12).
  EXPECT_EQ(Read(dir / "truth.csv"),
            "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps\n"
            "1.500000,7,\"A, \"\"b\"\"\",aircraft,35.1250000,-0.0000000,3000.01,0.12,-0.00,2.67\n"
            "2.000000,8,plain,missile,-1.0000000,2.0000000,3.00,4.00,5.00,6.00\n");
  EXPECT_EQ(Read(dir / "tracks.csv"),
            "time_s,unit,track,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,identity\n"
            "3.250000,\"unit,one\",12,10.0000001,20.0000000,-1.00,1.00,2.00,3.00,hostile\n"
            "4.000000,\"two\nlines\",3,0.0000000,0.0000000,0.00,0.00,0.00,0.00,friend\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace iadsim
