#include "iadsim/tracking/track_index.h"
#include "iadsim/core/angle.h"
#include "iadsim/core/error.h"
#include "iadsim/tracking/coarse_azimuth.h"

#include <algorithm>
#include <cmath>

namespace iadsim {
namespace {

// Fewer than min_tracks indexed tracks: *all gets every one of them (increasing k) and the
// index is not built (true); else false.
bool EveryTrackIfFew(const std::vector<PreGateTrack>& tracks, const std::vector<char>& include, int min_tracks,
                     std::vector<int>* all) {
  int n = 0;
  for (int k = 0; k < static_cast<int>(tracks.size()); ++k) n += include.empty() || include[k];
  if (n >= min_tracks) return false;
  for (int k = 0; k < static_cast<int>(tracks.size()); ++k)
    if (include.empty() || include[k]) all->push_back(k);
  return true;
}

constexpr double kPreGateMargin = 1.0001;  // as polar_pre_gate.cc
constexpr double kRel = 1e-7;              // relative tolerance on every bound
constexpr double kAbsM = 0.01;             // absolute tolerance on distances
constexpr double kAbsRad = 1e-6;           // absolute tolerance on angles
constexpr double kMinRhoM = 1.0;           // below this horizontal distance: no azimuth bound

// Upper bound of tr(P'_pp(dt)) over every dt = t - track.time with t in [from, to].
double TraceBound(const PreGateTrack& t, double q, SimTime from, SimTime to) {
  const double m = std::max(std::abs((from - t.time).seconds()), std::abs((to - t.time).seconds()));
  const double b = t.tr_pp + 2.0 * m * std::abs(t.tr_pv) + m * m * std::max(t.tr_vv, 0.0) + q * m * m * m;
  return std::max(0.0, b) * (1.0 + kRel);
}

// The azimuth half-width (rad) a track's gate reach (m) and travel d (m) can span at horizontal
// distance rho (m), for rho - d >= kMinRhoM: the bound of the index, its cull and Keeps.
double AzimuthReach(double reach_m, double rho_m, double d_m) {
  return reach_m / (rho_m - d_m) + M_PI_2 * d_m / rho_m;
}

}  // namespace

IndexWindow::IndexWindow(SimTime t_from, SimTime t_to, double gate)
    : from(t_from), to(t_to < t_from ? t_from : t_to), sqrt_gate(std::sqrt(gate * kPreGateMargin)) {
  ref = SimTime::Micros(from.micros() + (to.micros() - from.micros()) / 2);
  half_width_s = std::max((ref - from).seconds(), (to - ref).seconds());
}

void PlotAzimuths::Add(double azimuth_rad, double sigma_azimuth_rad) {
  if (n_++ == 0) first_ = azimuth_rad;
  const double off = RemainderTwoPi(azimuth_rad - first_);
  lo_ = std::min(lo_, off);
  hi_ = std::max(hi_, off);
  max_sigma_ = std::max(max_sigma_, std::abs(sigma_azimuth_rad));
}

bool PlotAzimuths::Covers(double azimuth_rad, double sigma_azimuth_rad) const {
  const double off = RemainderTwoPi(azimuth_rad - first_);
  return n_ > 0 && off >= lo_ && off <= hi_ && std::abs(sigma_azimuth_rad) <= max_sigma_;
}

void PolarTrackIndex::Build(const std::vector<PreGateTrack>& tracks, const std::vector<char>& include,
                            double q_m2_per_s3, const PolarMeasurementModel& m, SimTime t_from, SimTime t_to,
                            double gate, const PlotAzimuths* plots) {
  for (Tier& tier : tiers_) {
    tier.sorted.clear();
    tier.max_az_reach_rad = 0.0;
  }
  for (WideTier& tier : wide_) {
    tier.by_range.clear();
    tier.max_range_reach_m = 0.0;
  }
  always_.clear();
  all_.clear();
  few_ = EveryTrackIfFew(tracks, include, min_tracks_, &all_);
  model_ = &m;
  q_ = q_m2_per_s3;
  gate_ = gate;
  every_track_ = include.empty();
  if (few_) return;
  w_ = IndexWindow(t_from, t_to, gate);
  // The cull of the header: the arc's middle direction (east, north) and the cosine limit.
  culled_ = false;
  axis_e_ = axis_n_ = 0.0;
  cos_limit_ = -2.0;
  if (plots != nullptr && !plots->empty()) {
    const double phi = plots->half_width_rad() +
                       (kWideAzimuthRad + w_.sqrt_gate * plots->max_sigma_rad()) * (1.0 + kRel) + kAbsRad + 1e-8;
    if (phi < 3.0) {
      culled_ = true;
      plots_ = *plots;
      axis_e_ = std::sin(plots->middle_rad());
      axis_n_ = std::cos(plots->middle_rad());
      cos_limit_ = std::cos(phi);
    }
  }
  for (int k = 0; k < static_cast<int>(tracks.size()); ++k) {
    if (!include.empty() && !include[k]) continue;
    all_.push_back(k);
    Place(tracks[k], k);
  }
  for (Tier& tier : tiers_) std::sort(tier.sorted.begin(), tier.sorted.end(), ByAzimuth);
  for (WideTier& tier : wide_) std::sort(tier.by_range.begin(), tier.by_range.end(), ByRange);
}

bool PolarTrackIndex::ByAzimuth(const Entry& a, const Entry& b) {
  return a.az_rad != b.az_rad ? a.az_rad < b.az_rad : a.k < b.k;
}

bool PolarTrackIndex::ByRange(const Entry& a, const Entry& b) {
  return a.range_m != b.range_m ? a.range_m < b.range_m : a.k < b.k;
}

void PolarTrackIndex::Place(const PreGateTrack& t, int k) {
  const PolarMeasurementModel& m = *model_;
  const double h = w_.half_width_s;
  const Vec3 rel = t.p_enu + (w_.ref - t.time).seconds() * t.v_enu - m.sensor_enu();
  const Vec3 p_s = m.R_sensor_from_tracker() * rel;
  Entry e;
  e.reach_m = w_.sqrt_gate * std::sqrt(TraceBound(t, q_, w_.from, w_.to));
  e.speed_mps = t.v_enu.norm();
  e.rho_m = std::sqrt(p_s.x() * p_s.x() + p_s.y() * p_s.y());  // hypot's within 3e-16 relative (header)
  const double d = e.speed_mps * h;
  e.az_reach_rad = e.rho_m - d >= kMinRhoM ? AzimuthReach(e.reach_m, e.rho_m, d) : INFINITY;
  if (culled_ && e.az_reach_rad <= kWideAzimuthRad &&
      p_s.x() * axis_e_ + p_s.y() * axis_n_ < e.rho_m * cos_limit_ - 1e-12 * e.rho_m)
    return;  // no plot of the batch can keep it (a tier's track, far from the arc)
  e.range_m = rel.norm();
  e.k = k;
  e.az_rad = CoarseAzimuth(p_s.x(), p_s.y());  // within 1e-10 rad: far inside kAbsRad
  if (!(std::isfinite(e.range_m) && std::isfinite(e.rho_m) && std::isfinite(e.az_rad) && std::isfinite(e.reach_m) &&
        std::isfinite(d))) {
    always_.push_back(k);
  } else if (e.az_reach_rad <= kWideAzimuthRad) {
    Tier& tier = tiers_[e.az_reach_rad <= kAzimuthTiersRad[0] ? 0 : e.az_reach_rad <= kAzimuthTiersRad[1] ? 1 : 2];
    tier.sorted.push_back(e);
    tier.max_az_reach_rad = std::max(tier.max_az_reach_rad, e.az_reach_rad);
  } else {
    const double range_reach = e.reach_m + d;
    WideTier& tier = wide_[range_reach <= kWideRangeTiersM[0] ? 0 : range_reach <= kWideRangeTiersM[1] ? 1 : 2];
    tier.by_range.push_back(e);
    tier.max_range_reach_m = std::max(tier.max_range_reach_m, range_reach);
  }
}

void PolarTrackIndex::Refresh(const std::vector<PreGateTrack>& tracks, std::span<const int> new_of_old,
                              std::span<const int> fresh) {
  IADSIM_CHECK(every_track_ && model_ != nullptr, "PolarTrackIndex::Refresh: only for an index built over every track");
  all_.resize(tracks.size());
  for (std::size_t k = 0; k < tracks.size(); ++k) all_[k] = static_cast<int>(k);
  if (few_) return;  // every track is a candidate, as Build with fewer tracks than min_tracks
  std::vector<char>& is_fresh = fresh_scratch_;
  is_fresh.assign(tracks.size(), 0);
  for (const int k : fresh) is_fresh[static_cast<std::size_t>(k)] = 1;
  // The entries of the tracks kept and unchanged, renumbered (an increasing map: the order holds).
  auto renumbered = [&](int k) {
    const int n = static_cast<std::size_t>(k) < new_of_old.size() ? new_of_old[static_cast<std::size_t>(k)] : -1;
    return n >= 0 && !is_fresh[static_cast<std::size_t>(n)] ? n : -1;
  };
  auto keep = [&](std::vector<Entry>& entries) {
    std::size_t kept = 0;
    for (Entry& e : entries)
      if (const int n = renumbered(e.k); n >= 0) {
        e.k = n;
        entries[kept++] = e;
      }
    entries.resize(kept);
  };
  for (Tier& tier : tiers_) keep(tier.sorted);
  for (WideTier& tier : wide_) keep(tier.by_range);
  std::erase_if(always_, [&](int& k) { return (k = renumbered(k)) < 0; });
  // The fresh tracks placed as Build places them, then merged into each tier's order.
  std::size_t tier_size[3], wide_size[3];
  for (int i = 0; i < 3; ++i) {
    tier_size[i] = tiers_[i].sorted.size();
    wide_size[i] = wide_[i].by_range.size();
  }
  for (const int k : fresh) Place(tracks[static_cast<std::size_t>(k)], k);
  for (int i = 0; i < 3; ++i) {
    std::vector<Entry>& s = tiers_[i].sorted;
    std::sort(s.begin() + static_cast<std::ptrdiff_t>(tier_size[i]), s.end(), ByAzimuth);
    std::inplace_merge(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(tier_size[i]), s.end(), ByAzimuth);
    std::vector<Entry>& r = wide_[i].by_range;
    std::sort(r.begin() + static_cast<std::ptrdiff_t>(wide_size[i]), r.end(), ByRange);
    std::inplace_merge(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(wide_size[i]), r.end(), ByRange);
  }
}

bool PolarTrackIndex::Keeps(const Entry& e, const PolarPlot& plot, double d_s) const {
  const double d = e.speed_mps * d_s;
  const double range_bound = e.reach_m + d + w_.sqrt_gate * std::abs(plot.sigma_range_m);
  if (std::abs(plot.range_m - e.range_m) >
      range_bound * (1.0 + kRel) + kRel * (std::abs(plot.range_m) + e.range_m) + kAbsM)
    return false;
  if (e.rho_m - d < kMinRhoM) return true;
  const double az_bound = AzimuthReach(e.reach_m, e.rho_m, d) + w_.sqrt_gate * std::abs(plot.sigma_azimuth_rad);
  return !(std::abs(RemainderTwoPi(plot.azimuth_rad - e.az_rad)) > az_bound * (1.0 + kRel) + kAbsRad);
}

void PolarTrackIndex::Candidates(const PolarPlot& plot, std::vector<int>* out) const {
  out->clear();
  if (few_ || !w_.Contains(plot.time) || (culled_ && !plots_.Covers(plot.azimuth_rad, plot.sigma_azimuth_rad))) {
    *out = all_;
    return;
  }
  const double d_s = std::abs((plot.time - w_.ref).seconds());
  out->insert(out->end(), always_.begin(), always_.end());
  // The wide tracks: in each tier, those in the range window of the header.
  const double r = plot.range_m;
  const bool finite_range = std::isfinite(r) && std::isfinite(plot.sigma_range_m);
  for (const WideTier& tier : wide_) {
    auto it = tier.by_range.begin(), end = tier.by_range.end();
    if (finite_range && it != end) {
      const double b = tier.max_range_reach_m + w_.sqrt_gate * std::abs(plot.sigma_range_m);
      const double half = (b * (1.0 + kRel) + 2.0 * kRel * std::abs(r) + kAbsM) / (1.0 - kRel) * (1.0 + 1e-9) + kAbsM;
      it = std::lower_bound(it, end, r - half, [](const Entry& e, double v) { return e.range_m < v; });
      end = std::upper_bound(it, end, r + half, [](double v, const Entry& e) { return v < e.range_m; });
    }
    for (; it != end; ++it)
      if (Keeps(*it, plot, d_s)) out->push_back(it->k);
  }
  // In each tier, the window holds every entry whose own azimuth bound (<= its az_reach_rad, as
  // d_s <= h) may keep the plot; it is wider than the test's tolerance by kAbsRad.
  const double c = RemainderTwoPi(plot.azimuth_rad);
  for (const Tier& tier : tiers_) {
    const std::vector<Entry>& sorted = tier.sorted;
    const double half = (tier.max_az_reach_rad + w_.sqrt_gate * std::abs(plot.sigma_azimuth_rad)) * (1.0 + 2.0 * kRel) +
                        2.0 * kAbsRad;
    auto scan = [&](double lo, double hi) {
      auto it = std::lower_bound(sorted.begin(), sorted.end(), lo, [](const Entry& e, double v) { return e.az_rad < v; });
      for (; it != sorted.end() && !(hi < it->az_rad); ++it)
        if (Keeps(*it, plot, d_s)) out->push_back(it->k);
    };
    if (!(half < M_PI) || !std::isfinite(c)) {
      for (const Entry& e : sorted)
        if (Keeps(e, plot, d_s)) out->push_back(e.k);
    } else {
      const double lo = c - half, hi = c + half;
      scan(std::max(lo, -M_PI), std::min(hi, M_PI));
      if (lo < -M_PI) scan(lo + 2.0 * M_PI, M_PI);
      if (hi > M_PI) scan(-M_PI, hi - 2.0 * M_PI);
    }
  }
  std::sort(out->begin(), out->end());
}

void PositionTrackIndex::Build(const std::vector<PreGateTrack>& tracks, const std::vector<char>& include,
                               double q_m2_per_s3, SimTime t_from, SimTime t_to, double gate) {
  for (Tier& tier : tiers_) {
    tier.entries.clear();
    tier.max_reach_m = 0.0;
  }
  wide_.clear();
  always_.clear();
  all_.clear();
  few_ = EveryTrackIfFew(tracks, include, min_tracks_, &all_);
  if (few_) return;
  w_ = IndexWindow(t_from, t_to, gate);
  const double h = w_.half_width_s;
  for (int k = 0; k < static_cast<int>(tracks.size()); ++k) {
    if (!include.empty() && !include[k]) continue;
    all_.push_back(k);
    const PreGateTrack& t = tracks[k];
    Entry e;
    e.q_enu = t.p_enu + (w_.ref - t.time).seconds() * t.v_enu;
    e.reach_m = w_.sqrt_gate * std::sqrt(TraceBound(t, q_m2_per_s3, w_.from, w_.to));
    e.speed_mps = t.v_enu.norm();
    e.k = k;
    const double r = e.reach_m + e.speed_mps * h;
    if (!(e.q_enu.allFinite() && std::isfinite(r))) {
      always_.push_back(k);
    } else if (r <= kWidePositionM) {
      Tier& tier = tiers_[r <= kPositionTiersM[0] ? 0 : r <= kPositionTiersM[1] ? 1 : 2];
      tier.entries.push_back(e);
      tier.max_reach_m = std::max(tier.max_reach_m, r);
    } else {
      wide_.push_back(e);
    }
  }
  for (Tier& tier : tiers_) {
    tier.points.clear();
    for (const Entry& e : tier.entries) tier.points.emplace_back(e.q_enu.x(), e.q_enu.y(), 0.0);
    tier.grid.Build(tier.points, std::max(tier.max_reach_m, 100.0));
  }
}

bool PositionTrackIndex::Keeps(const Entry& e, const Vec3& z_enu, double report_term_m, double d_s) const {
  const double bound = e.reach_m + e.speed_mps * d_s + report_term_m;
  return !((z_enu - e.q_enu).norm() > bound * (1.0 + kRel) + kRel * z_enu.norm() + kAbsM);
}

void PositionTrackIndex::Candidates(SimTime time, const Vec3& z_enu, double trace_R_m2, std::vector<int>* out) const {
  out->clear();
  const double term = w_.sqrt_gate * std::sqrt(std::max(0.0, trace_R_m2));
  if (few_ || !w_.Contains(time) || !z_enu.allFinite() || !std::isfinite(term)) {
    *out = all_;
    return;
  }
  const double d_s = std::abs((time - w_.ref).seconds());
  out->insert(out->end(), always_.begin(), always_.end());
  for (const Entry& e : wide_)
    if (Keeps(e, z_enu, term, d_s)) out->push_back(e.k);
  // |z_e - q_e| and |z_n - q_n| are <= |z - q|: in each tier, the square of half-width `half`
  // around z holds every entry that may be kept.
  for (const Tier& tier : tiers_) {
    if (tier.entries.empty()) continue;
    const double half = (tier.max_reach_m + term) * (1.0 + 2.0 * kRel) + 2.0 * kRel * z_enu.norm() + 2.0 * kAbsM;
    tier.grid.ForEachCandidate(z_enu.x() - half, z_enu.y() - half, z_enu.x() + half, z_enu.y() + half, [&](int j) {
      const Entry& e = tier.entries[j];
      if (Keeps(e, z_enu, term, d_s)) out->push_back(e.k);
    });
  }
  std::sort(out->begin(), out->end());
}

}  // namespace iadsim
