#include "iadsim/tracking/kalman.h"

namespace iadsim {

template InnovationStats<Eigen::Dynamic> ComputeInnovationStats<6, Eigen::Dynamic>(
    const Eigen::Matrix<double, 6, 6>&, const KfMatrix<Eigen::Dynamic, 1>&,
    const KfMatrix<Eigen::Dynamic, 6>&, const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);
template InnovationStats<Eigen::Dynamic> PositionInnovationStats<Eigen::Dynamic>(
    const Eigen::Matrix3d&, const KfMatrix<Eigen::Dynamic, 1>&, const KfMatrix<Eigen::Dynamic, 6>&,
    const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);
template KalmanUpdateResult<6, Eigen::Dynamic> KalmanUpdate<6, Eigen::Dynamic>(
    Eigen::Matrix<double, 6, 1>&, Eigen::Matrix<double, 6, 6>&, const KfMatrix<Eigen::Dynamic, 1>&,
    const KfMatrix<Eigen::Dynamic, 6>&, const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);

}  // namespace iadsim
