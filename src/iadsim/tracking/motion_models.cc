#include "iadsim/tracking/motion_models.h"

#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

int StateDimension(const MotionModel& model) {
  const int d = model.dims;
  switch (model.kind) {
    case MotionModelKind::kConstantVelocity:
    case MotionModelKind::kCoordinatedTurn: return 2 * d;
    case MotionModelKind::kConstantAcceleration: return 3 * d;
    case MotionModelKind::kCoordinatedTurnEstimated: return 2 * d + 1;
  }
  return 0;
}

int AccelerationIndex(const MotionModel& model) {
  return model.kind == MotionModelKind::kConstantAcceleration ? 2 * model.dims : -1;
}

int TurnRateIndex(const MotionModel& model) {
  return model.kind == MotionModelKind::kCoordinatedTurnEstimated ? 2 * model.dims : -1;
}

TurnCoefficients ComputeTurnCoefficients(double w, double T) {
  TurnCoefficients t;
  const double u = w * T;
  t.cos_wt = std::cos(u);
  t.sin_wt = std::sin(u);
  if (std::abs(u) < 1e-4) {
    // Series to the first neglected order u^4 (relative error < 1e-16 at |u| = 1e-4).
    const double u2 = u * u;
    t.s = T * (1.0 - u2 / 6.0);
    t.c = 0.5 * w * T * T * (1.0 - u2 / 12.0);
    t.ds_dw = -w * T * T * T / 3.0 * (1.0 - u2 / 10.0);
    t.dc_dw = 0.5 * T * T * (1.0 - u2 / 4.0);
  } else {
    t.s = t.sin_wt / w;
    t.c = (1.0 - t.cos_wt) / w;
    t.ds_dw = (u * t.cos_wt - t.sin_wt) / (w * w);
    t.dc_dw = (u * t.sin_wt - 1.0 + t.cos_wt) / (w * w);
  }
  return t;
}

void PropagateState(const MotionModel& model, double T, const VecX& x, VecX* x_next, MatX* F) {
  const int n = StateDimension(model);
  const int d = model.dims;
  IADSIM_CHECK(d == 2 || d == 3, "motion model dims must be 2 or 3");
  IADSIM_CHECK(x.size() == n, "state size does not match the motion model");
  MatX Fm = MatX::Identity(n, n);
  switch (model.kind) {
    case MotionModelKind::kConstantVelocity:
      for (int a = 0; a < d; ++a) Fm(a, d + a) = T;
      break;
    case MotionModelKind::kConstantAcceleration:
      for (int a = 0; a < d; ++a) {
        Fm(a, d + a) = T;
        Fm(a, 2 * d + a) = 0.5 * T * T;
        Fm(d + a, 2 * d + a) = T;
      }
      break;
    case MotionModelKind::kCoordinatedTurn:
    case MotionModelKind::kCoordinatedTurnEstimated: {
      const bool estimated = model.kind == MotionModelKind::kCoordinatedTurnEstimated;
      const double w = estimated ? x(2 * d) : model.turn_rate_radps;
      const TurnCoefficients t = ComputeTurnCoefficients(w, T);
      const int vx = d, vy = d + 1;
      Fm(0, vx) = t.s;
      Fm(0, vy) = -t.c;
      Fm(1, vx) = t.c;
      Fm(1, vy) = t.s;
      Fm(vx, vx) = t.cos_wt;
      Fm(vx, vy) = -t.sin_wt;
      Fm(vy, vx) = t.sin_wt;
      Fm(vy, vy) = t.cos_wt;
      if (d == 3) Fm(2, d + 2) = T;  // vertical CV
      if (estimated) {
        // f is F(w) x with the w column of F(w) zero apart from F(w, w) = 1; compute f first,
        // then put the derivative with respect to w in that column.
        VecX f = Fm * x;
        const double vxv = x(vx), vyv = x(vy);
        const int iw = 2 * d;
        if (F != nullptr) {
          *F = Fm;
          (*F)(0, iw) = t.ds_dw * vxv - t.dc_dw * vyv;
          (*F)(1, iw) = t.dc_dw * vxv + t.ds_dw * vyv;
          (*F)(vx, iw) = -T * t.sin_wt * vxv - T * t.cos_wt * vyv;
          (*F)(vy, iw) = T * t.cos_wt * vxv - T * t.sin_wt * vyv;
        }
        *x_next = f;
        return;
      }
      break;
    }
  }
  *x_next = Fm * x;
  if (F != nullptr) *F = Fm;
}

MatX ProcessNoise(const MotionModel& model, double T) {
  const int n = StateDimension(model);
  const int d = model.dims;
  MatX Q = MatX::Zero(n, n);
  const double q = model.q;
  const double T2 = T * T, T3 = T2 * T;
  if (model.kind == MotionModelKind::kConstantAcceleration) {
    const double T4 = T3 * T, T5 = T4 * T;
    for (int a = 0; a < d; ++a) {
      const int p = a, v = d + a, c = 2 * d + a;
      Q(p, p) = q * T5 / 20.0;
      Q(p, v) = Q(v, p) = q * T4 / 8.0;
      Q(p, c) = Q(c, p) = q * T3 / 6.0;
      Q(v, v) = q * T3 / 3.0;
      Q(v, c) = Q(c, v) = q * T2 / 2.0;
      Q(c, c) = q * T;
    }
    return Q;
  }
  const bool pc = model.piecewise_constant_acceleration &&
                  model.kind != MotionModelKind::kCoordinatedTurnEstimated;
  for (int a = 0; a < d; ++a) {
    const int p = a, v = d + a;
    if (pc) {
      Q(p, p) = q * T2 * T2 / 4.0;
      Q(p, v) = Q(v, p) = q * T3 / 2.0;
      Q(v, v) = q * T2;
      continue;
    }
    Q(p, p) = q * T3 / 3.0;
    Q(p, v) = Q(v, p) = q * T2 / 2.0;
    Q(v, v) = q * T;
  }
  if (model.kind == MotionModelKind::kCoordinatedTurnEstimated) Q(2 * d, 2 * d) = model.q_turn_rate * T;
  return Q;
}

}  // namespace iadsim
