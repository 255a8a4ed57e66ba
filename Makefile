# iadsim: two commands do all the set-up on a fresh Debian 12 machine.
#   make demo   installs missing Debian packages and the viewer's npm packages, builds (Release, CMake
#               preset), runs scenarios/demo.yaml
#   make test   the same set-up plus chromium (the viewer's browser test), then the whole test suite
# The built command is build/release/bin/iadsim.
.PHONY: all setup configure build demo test test-mpi check-extreme-values check-mutations clean

JOBS ?= $(shell nproc)
IADSIM := build/release/bin/iadsim

all: build

setup:
	@bash tools/setup-debian.sh
	@bash tools/setup-web.sh

configure: setup
	@cmake --preset release >/dev/null

build: configure
	@cmake --build --preset release -j $(JOBS)

demo: build
	@rm -rf runs/demo
	@$(IADSIM) run scenarios/demo.yaml --seed 1 --out runs/demo

test: build
	@bash tools/setup-web.sh --browser
	@ctest --preset release -j $(JOBS)

# iadsim batch over MPI ranks: a separate build with -DIADSIM_MPI=ON, then its batch tests
# (2 ranks vs threads: mpirun --oversubscribe --allow-run-as-root -np 2).
test-mpi: setup
	@cmake -S . -B build/mpi -G Ninja -DCMAKE_BUILD_TYPE=Release -DIADSIM_MPI=ON >/dev/null
	@cmake --build build/mpi -j $(JOBS) --target iadsim batch_cli_test
	@ctest --test-dir build/mpi -R 'integration.Batch' --output-on-failure

# Every number of the two reference scenarios replaced in turn by extreme values (1e400, NaN, 1e20,
# -1, 0, ...): each copy must be refused with exit 2 or run to the end (tools/extreme-values.py;
# about 2 minutes, not part of make test).
check-extreme-values: build
	@python3 tools/extreme-values.py $(IADSIM) scenarios/demo.yaml scenarios/strike-ew.yaml

check-mutations: build
	@python3 tools/mutations.py $(IADSIM)

clean:
	rm -rf build runs
