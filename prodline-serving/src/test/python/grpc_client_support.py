"""What prodline's independent gRPC test clients share: generating stubs with grpc_tools into a directory removed
at exit, a check that prints what passed, and running a client's main so that the first failed check exits 1.
"""
import atexit
import glob
import importlib
import os
import shutil
import sys
import tempfile

import grpc_tools
from grpc_tools import protoc


def generate_stubs(proto_dir, protos, prefix):
    """Python stubs of PROTOS (paths below PROTO_DIR), importable once this returns."""
    out_dir = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, out_dir, True)
    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    status = protoc.main(["protoc", "-I" + proto_dir, "-I" + well_known, "--python_out=" + out_dir,
                          "--grpc_python_out=" + out_dir] + list(protos))
    if status != 0:
        raise SystemExit("protoc failed on %s in %s" % (" ".join(protos), proto_dir))
    sys.path.insert(0, out_dir)


def generate_tensorflow_stubs(proto_dir, prefix):
    """Python stubs of every TensorFlow and TF Serving proto below PROTO_DIR, importable once this returns."""
    generate_stubs(proto_dir, sorted(os.path.relpath(path, proto_dir)
                                     for pattern in ("tensorflow/**/*.proto", "tensorflow_serving/**/*.proto")
                                     for path in glob.glob(os.path.join(proto_dir, pattern), recursive=True)),
                   prefix)


def module(name):
    return importlib.import_module(name)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok: " + what)


def run(main, usage, arg_counts):
    """Calls MAIN with the command line's arguments; exits 1 naming the first failed check."""
    if len(sys.argv) - 1 not in arg_counts:
        raise SystemExit(usage)
    try:
        main(*sys.argv[1:])
    except AssertionError as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
