#pragma once
// The plug-in point between a track's state estimator and the multi-target layer (gating,
// association, track management, fusion). Every filter (KF, EKF, UKF, IMM over any models) keeps
// its estimate in one Cartesian tracker frame (x east, y north, z up, metres, seconds) and answers
// the same questions: predict, innovation of a measurement, update by one measurement, update by
// PDA-weighted measurements (JPDA), and its position/velocity estimate.
//
// Measurements are generic: Cartesian (2-D or 3-D), polar from a sensor at a known place in the
// frame (range-azimuth, range-azimuth-elevation, optionally with range rate), or bearing only.
// Geodetic reports (ADS-B, datalink) are converted to Cartesian by the caller (io/ or sim/), with
// their covariance rotated into the frame.
//
// Matrices have a fixed maximum size and no heap allocation: a state of at most kMaxState
// components (3-D constant acceleration: 9), a measurement of at most kMaxMeas (r, az, el, rdot).
// Angles: azimuth clockwise from north (y axis) in radians, elevation above the x-y plane;
// innovations of angles are wrapped to [-pi, pi).
#include <Eigen/Core>

#include <memory>
#include <span>

namespace iadsim {

inline constexpr int kMaxState = 9;
inline constexpr int kMaxMeas = 4;

using VecX = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxState, 1>;
using MatX = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxState, kMaxState>;
using VecZ = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxMeas, 1>;
using MatZ = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxMeas, kMaxMeas>;

enum class MeasurementKind {
  kCartesian2D,     // z = [x, y]
  kCartesian3D,     // z = [x, y, z]
  kPolar2D,         // z = [range, azimuth] (2-D search radar: no elevation)
  kPolar3D,         // z = [range, azimuth, elevation]
  kPolar3DDoppler,  // z = [range, azimuth, elevation, range rate]
  kBearing,         // z = [azimuth] (angle-only strobe, e.g. of a jammer)
};

int MeasurementDimension(MeasurementKind kind);

struct Measurement {
  double time_s = 0.0;
  int sensor_id = 0;
  MeasurementKind kind = MeasurementKind::kCartesian2D;
  VecZ z;                      // MeasurementDimension(kind) components, SI units
  MatZ R;                      // its covariance
  Eigen::Vector3d sensor_position = Eigen::Vector3d::Zero();  // in the tracker frame (polar, bearing)
};

// A measurement against a filter's current (predicted) estimate.
struct Innovation {
  VecZ nu;                 // z - h(x), angles wrapped
  MatZ S;                  // innovation covariance
  double d2 = 0.0;         // nu^T S^-1 nu: the gating distance (chi-square, dim z dof if consistent)
  double log_det_S = 0.0;  // ln |S|, for likelihoods: ln N(nu; 0, S) = -(d2 + log_det_S + m ln 2pi)/2
};

class TrackFilter {
 public:
  virtual ~TrackFilter() = default;
  virtual std::unique_ptr<TrackFilter> Clone() const = 0;

  virtual int spatial_dims() const = 0;      // 2 or 3
  virtual void Predict(double dt_s) = 0;     // dt may be 0; negative is a bug
  virtual Innovation Innovate(const Measurement& m) const = 0;
  virtual void Update(const Measurement& m) = 0;
  // Probabilistic data association: the posterior is the mixture of the updates by each
  // measurement i with weight beta[i] and of no update with weight beta0 (sum = 1), with the
  // spread-of-innovations term (Bar-Shalom & Li, Multitarget-Multisensor Tracking, 1995, 6.4).
  virtual void UpdatePda(std::span<const Measurement> ms, std::span<const double> beta, double beta0) = 0;

  // The estimate reduced to position and velocity in the frame (z and vz are 0 in 2-D), and
  // the 6x6 covariance of [x, y, z, vx, vy, vz].
  virtual Eigen::Vector3d position() const = 0;
  virtual Eigen::Vector3d velocity() const = 0;
  virtual Eigen::Matrix<double, 6, 6> position_velocity_covariance() const = 0;
  // The variances of x, y, z (z: 0 in 2-D), i.e. the first three diagonal entries of
  // position_velocity_covariance(); filters override it to skip forming the 6x6 (gating).
  virtual Eigen::Vector3d position_variance() const {
    return position_velocity_covariance().diagonal().head<3>();
  }
};

// An owned filter whose copies are clones, so that a track holding one stays a value type
// (ManagedTrack, the unit tracker's TrackState); may be empty.
class TrackFilterBox {
 public:
  TrackFilterBox() = default;
  explicit TrackFilterBox(std::unique_ptr<TrackFilter> f) : f_(std::move(f)) {}
  TrackFilterBox(const TrackFilterBox& o) : f_(o.f_ ? o.f_->Clone() : nullptr) {}
  TrackFilterBox& operator=(const TrackFilterBox& o) {
    if (this != &o) f_ = o.f_ ? o.f_->Clone() : nullptr;
    return *this;
  }
  TrackFilterBox(TrackFilterBox&&) noexcept = default;
  TrackFilterBox& operator=(TrackFilterBox&&) noexcept = default;
  TrackFilter* get() const { return f_.get(); }
  TrackFilter* operator->() const { return f_.get(); }
  TrackFilter& operator*() const { return *f_; }
  explicit operator bool() const { return f_ != nullptr; }

 private:
  std::unique_ptr<TrackFilter> f_;
};

}  // namespace iadsim
