# gotong: the two commands a new user needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PRESET ?= release
BUILD_DIR := build/$(PRESET)
GOTONG := $(BUILD_DIR)/gotong
export GOTONG_REGIONS_DIR ?= $(CURDIR)/node_modules/idn-area-data/data
export GOTONG_WEB_ROOT ?= $(CURDIR)/web/dist

.PHONY: all deps build build-native build-web run test test-native test-web test-e2e lint-api bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@$(MAKE) --no-print-directory build-native build-web

build-native:
	@[ -f $(BUILD_DIR)/build.ninja ] || cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j$$(nproc)

build-web:
	npm run build:web --silent

run: build
	$(GOTONG) migrate
	$(GOTONG) demo
	$(GOTONG) serve

test: build
	scripts/test.sh

lint-api:
	npm run lint:api --silent

bench: build
	scripts/bench.sh

clean:
	rm -rf build web/dist
