#include "iadsim/sensors/iff_interrogator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <utility>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/close_pairs.h"
#include "iadsim/sensors/range_sort.h"

namespace iadsim {
namespace {

constexpr double kC = 299792458.0;
constexpr double kFoot = 0.3048;

void Positive(Problems& out, const char* path, double v) {
  if (!(v > 0.0) || !std::isfinite(v)) out.push_back({path, fmt::format("must be > 0 (got {})", v)});
}

// Whether the transponder answers in a mode whose replies can garble (1, 2, 3/A with C, secure).
// Mode S replies are selectively addressed: a transponder that answers only in Mode S overlaps no
// one's reply train.
bool AnswersInGarblingMode(const IffConfig& c, const Transponder& x) {
  if (!x.on || x.failed) return false;
  return (c.mode1 && x.mode1) || (c.mode2 && x.mode2) || (c.mode3a && x.mode3a) ||
         (c.secure && !x.secure_key.empty() && std::find(c.keys.begin(), c.keys.end(), x.secure_key) != c.keys.end());
}

// Sorts distinct pairs (a < b) in lexicographic order: as std::sort would, but by counting on the
// first element when its values are few (the caller's indices of one sweep), then sorting each run
// on the second.
void SortDistinctPairs(std::vector<std::pair<std::size_t, std::size_t>>& pairs, IffScratch& scratch) {
  std::size_t bound = 0;
  for (const auto& p : pairs) bound = std::max(bound, p.first + 1);
  if (bound > 4 * pairs.size() + 1024) {
    std::sort(pairs.begin(), pairs.end());
    return;
  }
  std::vector<std::size_t>& start = scratch.pair_start;
  start.assign(bound + 1, 0);
  for (const auto& p : pairs) ++start[p.first + 1];
  for (std::size_t i = 0; i < bound; ++i) start[i + 1] += start[i];
  std::vector<std::pair<std::size_t, std::size_t>>& sorted = scratch.pairs;
  sorted.resize(pairs.size());
  std::vector<std::size_t>& next = scratch.pair_next;
  next.assign(start.begin(), start.end() - 1);
  for (const auto& p : pairs) sorted[next[p.first]++] = p;
  for (std::size_t i = 0; i < bound; ++i) {
    const std::size_t b0 = start[i], b1 = start[i + 1];
    if (b1 - b0 > 16) {
      std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(b0), sorted.begin() + static_cast<std::ptrdiff_t>(b1));
      continue;
    }
    for (std::size_t k = b0 + 1; k < b1; ++k) {  // a short run: insertion sort (the same order: pairs are distinct)
      const auto p = sorted[k];
      std::size_t j = k;
      for (; j > b0 && p < sorted[j - 1]; --j) sorted[j] = sorted[j - 1];
      sorted[j] = p;
    }
  }
  std::swap(pairs, sorted);
}

}  // namespace

Problems IffConfig::Validate() const {
  Problems out;
  if (!enabled) return out;
  Positive(out, "max_range", max_range_m);
  Positive(out, "range_sigma", range_sigma_m);
  Positive(out, "azimuth_sigma", azimuth_sigma_rad);
  Positive(out, "beamwidth", beamwidth_rad);
  if (!(garble_range_m >= 0.0)) out.push_back({"garble_range", fmt::format("must be >= 0 (got {})", garble_range_m)});
  if (secure && keys.empty()) out.push_back({"modes", "secure mode asked but the side holds no key"});
  return out;
}

IffLookResult Interrogate(const IffConfig& c, const Geodetic& sensor_position, double azimuth_offset_rad,
                          const std::vector<IffTarget>& targets) {
  IffLookResult out;
  IffScratch scratch;
  Interrogate(c, sensor_position, azimuth_offset_rad, targets, &out, &scratch);
  return out;
}

void Interrogate(const IffConfig& c, const Geodetic& sensor_position, double azimuth_offset_rad,
                 const std::vector<IffTarget>& targets, IffLookResult* result, IffScratch* scratch) {
  IffLookResult& out = *result;
  out.replies.clear();
  out.garbled.clear();
  out.replies.reserve(targets.size());
  // Garbling among the transponders that answer in a garbling mode.
  // By increasing range, ties by index (range and azimuth copied beside the index: no indirection).
  std::vector<IffScratch::Ranged>& order = scratch->order;
  order.clear();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (i + 16 < targets.size()) {  // cache hints only: the transponder 16 targets ahead
      __builtin_prefetch(targets[i + 16].transponder);
      __builtin_prefetch(reinterpret_cast<const char*>(targets[i + 16].transponder) + 64);
    }
    if (targets[i].range_m <= c.max_range_m && AnswersInGarblingMode(c, *targets[i].transponder))
      order.push_back({targets[i].range_m, targets[i].azimuth_rad, i});
  }
  // (range, index) order: the indices are increasing, so a stable sort on the range (range_sort.h)
  StableSortByRange(order, &scratch->sorted, &scratch->range_buckets);
  // Every pair closer than the reply train in range and inside one beam (close_pairs.h: the
  // pairs of the plain range sweep, found through azimuth buckets), then in a fixed order.
  std::vector<char>& garbled = scratch->garbled;
  garbled.assign(targets.size(), 0);
  ForEachClosePair(
      order, c.garble_range_m, c.beamwidth_rad,
      [&](std::size_t ii, std::size_t jj) {
        const IffScratch::Ranged& a = order[ii];
        const IffScratch::Ranged& b = order[jj];
        garbled[a.i] = garbled[b.i] = 1;
        const std::size_t sa = targets[a.i].source, sb = targets[b.i].source;
        out.garbled.emplace_back(std::min(sa, sb), std::max(sa, sb));
      },
      &scratch->buckets);
  SortDistinctPairs(out.garbled, *scratch);

  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (i + 16 < targets.size()) __builtin_prefetch(targets[i + 16].transponder);  // a cache hint only
    const IffTarget& t = targets[i];
    const Transponder& x = *t.transponder;
    if (t.range_m > c.max_range_m || !x.on || x.failed) continue;
    RandomStream& rng = *t.rng;
    const double range_error_m = kC / 2.0 * (x.turnaround_us - 3.0) * 1e-6;
    auto reply = [&](IffMode mode) {
      IffReply r;
      r.time = t.time;
      r.sensor = c.id;
      r.sensor_position = sensor_position;
      r.mode = mode;
      r.sigma_range_m = c.range_sigma_m;
      r.sigma_azimuth_rad = c.azimuth_sigma_rad;
      r.range_m = std::max(0.0, t.range_m + range_error_m + rng.Normal(0.0, r.sigma_range_m));
      r.azimuth_rad = WrapTwoPi(t.azimuth_rad + azimuth_offset_rad + rng.Normal(0.0, r.sigma_azimuth_rad));
      return r;
    };
    const double gillham_m = std::round(t.altitude_m / kFoot / 100.0) * 100.0 * kFoot;
    // Every mode draws its reply whether or not it is garbled, so that garbling one aircraft does
    // not shift the draws of the next look.
    const bool ok = !garbled[i];
    if (c.mode1 && x.mode1 && rng.Bernoulli(x.reply_probability) && ok) {
      IffReply r = reply(IffMode::kMode1);
      r.code = x.code_1;
      out.replies.push_back(std::move(r));
    }
    if (c.mode2 && x.mode2 && rng.Bernoulli(x.reply_probability) && ok) {
      IffReply r = reply(IffMode::kMode2);
      r.code = x.code_2;
      out.replies.push_back(std::move(r));
    }
    if (c.mode3a && x.mode3a && rng.Bernoulli(x.reply_probability) && ok) {
      IffReply r = reply(IffMode::kMode3A);
      r.code = x.code_3a;
      if (c.mode_c && x.mode_c) r.pressure_alt_m = gillham_m;
      out.replies.push_back(std::move(r));
    }
    if (c.mode_s && x.mode_s && rng.Bernoulli(x.reply_probability)) {
      IffReply r = reply(IffMode::kModeS);
      r.code = x.code_3a;
      r.address = x.mode_s_address;
      if (x.mode_c) r.pressure_alt_m = gillham_m;
      out.replies.push_back(std::move(r));
    }
    if (c.secure && !x.secure_key.empty() && rng.Bernoulli(x.reply_probability) && ok) {
      if (std::find(c.keys.begin(), c.keys.end(), x.secure_key) != c.keys.end()) {
        IffReply r = reply(IffMode::kSecure);
        r.authenticated = true;
        r.key = x.secure_key;
        out.replies.push_back(std::move(r));
      }
    }
  }
}

}  // namespace iadsim
