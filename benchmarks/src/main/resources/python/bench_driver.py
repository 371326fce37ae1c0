"""The Python side of PythonClientBenchmark.

  python3 bench_driver.py serve AUTHKEY
      runs Python's own SyncManager server and prints "READY port"
  python3 bench_driver.py run HOST PORT AUTHKEY OPERATION WARMUP SECONDS
      connects a stock SyncManager client and prints "ops=<operations per second>" for
      OPERATION: dict-get, dict-set or lock-pair (acquire + release)
"""
import sys
import time
from multiprocessing.managers import SyncManager

if sys.argv[1] == 'serve':
    server = SyncManager(address=('127.0.0.1', 0), authkey=sys.argv[2].encode()).get_server()
    print('READY %d' % server.address[1], flush=True)
    server.serve_forever()

host, port, authkey, operation = sys.argv[2], int(sys.argv[3]), sys.argv[4].encode(), sys.argv[5]
warmup, seconds = float(sys.argv[6]), float(sys.argv[7])
manager = SyncManager(address=(host, port), authkey=authkey)
manager.connect()
keys = ['key-%04d' % i for i in range(1024)]
if operation.startswith('dict'):
    d = manager.dict({key: i for i, key in enumerate(keys)})
    if operation == 'dict-get':
        def batch():
            for key in keys:
                d[key]
    else:
        def batch():
            for i, key in enumerate(keys):
                d[key] = i
    per_batch = len(keys)
else:
    lock = manager.Lock()

    def batch():
        for _ in range(256):
            lock.acquire()
            lock.release()
    per_batch = 256


def measure(duration):
    operations = 0
    start = time.perf_counter()
    while time.perf_counter() - start < duration:
        batch()
        operations += per_batch
    return operations / (time.perf_counter() - start)


measure(warmup)
print('ops=%.0f' % measure(seconds), flush=True)
