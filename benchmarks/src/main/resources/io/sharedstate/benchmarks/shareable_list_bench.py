# Python's own ShareableList doing what the Java benchmark does: get and set over 1024
# ints, for a number of seconds each. Prints "get <ops/s>" and "set <ops/s>".
import sys
import time
from multiprocessing.shared_memory import ShareableList

seconds = float(sys.argv[1])
n = 1024
sl = ShareableList(list(range(n)))
try:
    for name in ("get", "set"):
        ops = 0
        start = time.perf_counter()
        end = start + seconds
        while True:
            if name == "get":
                for i in range(n):
                    sl[i]
            else:
                for i in range(n):
                    sl[i] = i
            ops += n
            now = time.perf_counter()
            if now >= end:
                break
        print(name, ops / (now - start))
finally:
    sl.shm.close()
    sl.shm.unlink()
