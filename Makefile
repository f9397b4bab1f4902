# Set-up and everyday commands. Every target installs GLPK (and zlib, which ZIPFoundation links) first when missing
# (Debian, as root).
SWIFT ?= swift
DATASET ?= Inputs/soc-trang-2023

.PHONY: deps build run test validate clean

deps:
	@if ! dpkg -s libglpk-dev >/dev/null 2>&1; then \
		echo "Installing libglpk-dev (GLPK 5.0)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev; \
	fi
	@if ! dpkg -s zlib1g-dev >/dev/null 2>&1; then \
		echo "Installing zlib1g-dev (for reading Survey Solutions export zips)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zlib1g-dev; \
	fi

build: deps
	$(SWIFT) build -c release --product planner

# The main job on the embedded default dataset: sample, assignment through GLPK, route sheets.
run: build
	.build/release/planner plan $(DATASET)

validate: build
	.build/release/planner validate $(DATASET)

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
