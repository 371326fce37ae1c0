"""Sends garbage on new connections, before and after authenticating, while an
established client keeps working; prints what each saw."""
import os
import socket
import struct
import sys
from multiprocessing.connection import Client

from shared_typeids import connect

host, port, authkey = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
manager = connect()
board = manager.shared_dict('garbage-board')
board['before'] = 1


def closed_by_server(sock):
    sock.settimeout(30)
    try:
        while sock.recv(4096):
            pass
        return True
    except ConnectionResetError:
        return True


raw = socket.create_connection((host, port))
raw.sendall(struct.pack('!i', 32) + os.urandom(32))
print('unauthenticated garbage closed=%s' % closed_by_server(raw))

connection = Client((host, port), authkey=authkey)
connection.send_bytes(b'this is not a pickle')
try:
    connection.recv_bytes()
    print('authenticated garbage closed=False')
except (EOFError, ConnectionResetError):
    print('authenticated garbage closed=True')

connection = Client((host, port), authkey=authkey)
connection._send(struct.pack('!i', 0x7fffffff))
try:
    connection.recv_bytes()
    print('oversized closed=False')
except (EOFError, ConnectionResetError):
    print('oversized closed=True')

board['after'] = 2
print('others carry on=%r' % (sorted(board.items()),))
