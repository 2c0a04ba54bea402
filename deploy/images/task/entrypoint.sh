#!/bin/sh
# Task test image: prints "Iteration: N" ITERATIONS times, one second apart, then exits with EXIT_CODE.
i=1
while [ "$i" -le "${ITERATIONS:-3}" ]; do
  echo "Iteration: $i"
  i=$((i + 1))
  if [ "$i" -le "${ITERATIONS:-3}" ]; then sleep 1; fi
done
exit "${EXIT_CODE:-0}"
