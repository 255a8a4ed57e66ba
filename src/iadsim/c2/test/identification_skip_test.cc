// Identifier::Evaluate skips a track whose last evaluation read only its evidence and identity and
// whose evidence has not been touched since. That skip must change nothing: two identifiers take
// the same seeded stream of evidence (secure and Mode 3/A replies, unanswered interrogations,
// ADS-B, datalink, flight-plan and accepted network reports) over 60 tracks, evaluations of random
// subsets at advancing times with random kinematics, and tracks forgotten; one skips, the other is
// made to re-evaluate every listed track each time (ReevaluateAll). After every evaluation their
// changes (track, identities, the evidence in words), conflicts and every track's identity are the
// same. Rules: with an interrogator, without one (the behaviour rule for every silent track), with
// a procedural corridor, and with the behaviour rule narrowed by altitude and origin.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "iadsim/c2/identification.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

constexpr int kTracks = 60;

struct Step {
  IffSweep sweep;
  IffCorrelation iff;
  std::vector<PositionReport> reports;
  ReportCorrelation report_pairs;
  std::string via;
};

Step RandomEvidence(RandomStream& rng, SimTime now) {
  Step s;
  s.sweep.start = s.sweep.end = now;
  for (int k = 0; k < kTracks; ++k) {
    const TrackId track(static_cast<std::uint64_t>(k + 1));
    const double u = rng.Uniform01();
    if (u < 0.04) {
      IffReply r;
      r.time = now;
      r.mode = IffMode::kSecure;
      r.authenticated = rng.Bernoulli(0.8);
      r.key = r.authenticated ? "blue" : "";
      s.iff.pairs.push_back({s.sweep.replies.size(), track});
      s.sweep.replies.push_back(r);
    } else if (u < 0.10) {
      IffReply r;
      r.time = now;
      r.mode = IffMode::kMode3A;
      r.code = static_cast<std::uint16_t>(1000 + k);
      if (rng.Bernoulli(0.5)) r.pressure_alt_m = rng.Uniform(1000.0, 11000.0);
      s.iff.pairs.push_back({s.sweep.replies.size(), track});
      s.sweep.replies.push_back(r);
    } else if (u < 0.25) {
      s.iff.unanswered.push_back(track);
    } else if (u < 0.31) {
      PositionReport r;
      const double v = rng.Uniform01();
      r.source = v < 0.4 ? ReportSource::kAdsb
                 : v < 0.6 ? ReportSource::kDatalink
                 : v < 0.7 ? ReportSource::kFlightPlan
                           : ReportSource::kNetwork;
      r.network = r.source == ReportSource::kDatalink ? "link-16" : "adsb";
      r.address = static_cast<std::uint32_t>(0x400000 + k);
      r.callsign = "T" + std::to_string(k);
      r.sender_unit = rng.Bernoulli(0.5) ? "node-a" : "node-b";
      const char* ids[] = {"friend", "hostile", "neutral", "suspect", "unknown"};
      r.identity = ids[static_cast<int>(rng.Uniform(0.0, 5.0)) % 5];
      s.report_pairs.pairs.push_back({s.reports.size(), track, 1.0});
      s.reports.push_back(r);
    }
  }
  s.via = rng.Bernoulli(0.7) ? "node-a" : "";
  return s;
}

void ExpectSkipChangesNothing(const IdentificationRules& rules, std::uint64_t seed) {
  RandomStream rng(seed, 0, "test", "identification-skip");
  Identifier skips(rules), every(rules);
  std::vector<ThreatAssessment> threats(kTracks);
  std::vector<double> speeds(kTracks);
  std::vector<std::pair<Vec3, Vec3>> kinematics(kTracks);
  std::size_t changes = 0;
  for (int step = 0; step < 600; ++step) {
    const SimTime now = SimTime::Micros(1000000LL * (10 + 2 * step));
    if (step % 3 == 0) {
      const Step e = RandomEvidence(rng, now);
      for (Identifier* id : {&skips, &every}) {
        id->AddIffEvidence(e.sweep, e.iff);
        id->AddReportEvidence(e.reports, e.report_pairs, e.via);
      }
    }
    if (rng.Bernoulli(0.3)) {
      const TrackId gone(static_cast<std::uint64_t>(1 + static_cast<int>(rng.Uniform(0.0, kTracks)) % kTracks));
      skips.Forget(gone);
      every.Forget(gone);
    }
    // The listed tracks (increasing ids, about two in three) and what their rules would read.
    std::vector<TrackId> listed;
    for (int k = 0; k < kTracks; ++k) {
      if (rng.Bernoulli(0.35)) continue;
      const std::size_t i = listed.size();
      listed.push_back(TrackId(static_cast<std::uint64_t>(k + 1)));
      // A third of the tracks fly as raiders (fast and inbound nine times in ten: they turn
      // hostile), the others at random.
      const bool raider = k % 3 == 0 && rng.Bernoulli(0.9);
      threats[i] = {listed.back(), 0, rng.Uniform(10.0, 600.0), raider ? rng.Uniform(0.0, 5000.0) : rng.Uniform(0.0, 40000.0),
                    raider || rng.Bernoulli(0.6), "base"};
      speeds[i] = raider ? rng.Uniform(260.0, 400.0) : rng.Uniform(100.0, 400.0);
      kinematics[i] = {Vec3(rng.Uniform(-50e3, 50e3), rng.Uniform(-50e3, 50e3), rng.Uniform(0.0, 12e3)),
                       Vec3(rng.Uniform(-300.0, 300.0), rng.Uniform(-300.0, 300.0), 0.0)};
    }
    auto kinematics_of = [&](std::size_t i) {
      return Identifier::Kinematics{&threats[i], speeds[i], &kinematics[i]};
    };
    every.ReevaluateAll();
    const std::vector<IdentityChange> a = skips.Evaluate(now, listed, kinematics_of);
    const std::vector<IdentityChange> b = every.Evaluate(now, listed, kinematics_of);
    ASSERT_EQ(a.size(), b.size()) << "step " << step;
    for (std::size_t n = 0; n < a.size(); ++n) {
      EXPECT_EQ(a[n].track, b[n].track);
      EXPECT_EQ(a[n].from, b[n].from);
      EXPECT_EQ(a[n].to, b[n].to);
      EXPECT_EQ(a[n].evidence, b[n].evidence) << "step " << step;
    }
    changes += a.size();
    ASSERT_EQ(skips.conflicts().size(), every.conflicts().size()) << "step " << step;
    for (std::size_t n = 0; n < skips.conflicts().size(); ++n) {
      EXPECT_EQ(skips.conflicts()[n].track, every.conflicts()[n].track);
      EXPECT_EQ(skips.conflicts()[n].local, every.conflicts()[n].local);
      EXPECT_EQ(skips.conflicts()[n].remote, every.conflicts()[n].remote);
      EXPECT_EQ(skips.conflicts()[n].from_unit, every.conflicts()[n].from_unit);
    }
    for (int k = 1; k <= kTracks; ++k) ASSERT_EQ(skips.IdentityOf(TrackId(k)), every.IdentityOf(TrackId(k))) << "step " << step;
  }
  EXPECT_GT(changes, 300u);  // the stream moves identities both ways, not a quiet sky
}

TEST(IdentificationSkip, WithAnInterrogator) {
  IdentificationRules rules;
  rules.hostile_delay_s = 4.0;
  ExpectSkipChangesNothing(rules, 1);
}

TEST(IdentificationSkip, WithoutAnInterrogator) {
  IdentificationRules rules;
  rules.has_iff = false;
  rules.hostile_delay_s = 6.0;
  ExpectSkipChangesNothing(rules, 2);
}

TEST(IdentificationSkip, WithAProceduralCorridor) {
  IdentificationRules rules;
  rules.corridors.push_back({"airway", Vec3(-50e3, 0.0, 0.0), Vec3(50e3, 0.0, 0.0), 20e3, 0.0, 12e3, 1.5});
  rules.hostile_delay_s = 0.0;
  ExpectSkipChangesNothing(rules, 3);
}

TEST(IdentificationSkip, WithAltitudeAndOriginRules) {
  IdentificationRules rules;
  rules.hostile_max_altitude_m = 6000.0;
  rules.hostile_origins.push_back({"west", Vec3(-30e3, 0.0, 0.0), 30e3});
  rules.min_unanswered = 1;
  ExpectSkipChangesNothing(rules, 4);
}

}  // namespace
}  // namespace iadsim
