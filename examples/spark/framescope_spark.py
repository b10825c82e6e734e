#!/usr/bin/env python3
"""Annotate a corpus on Spark with the portable framescope binary.

    framescope_spark.py INPUT OUTPUT [--binary PATH] [--lexicons DIR] [--master URL]
                        [--partitions N] [--jobs-per-task N] [--send-bytes] [--spark-writes]
                        [--no-class-cache]

INPUT is a corpus folder or a glob (any file system Spark reads: file:, hdfs:, s3a:, ...). Its
.txt/.text/.md/.html/.htm files go to framescope as raw bytes, or as their paths inside the corpus
when INPUT is a `file:` path (framescope then reads them itself from the corpus root; on a cluster
that must be a mount every node shares), and its .jsonl files line by line, so a document is decoded (GB18030, Big5, UTF-16, ...)
and given metadata exactly as a local `framescope annotate INPUT` would: same ids, same folder-layout source, same sidecar
(NAME.meta.json) and manifest (manifest.csv/.tsv at the root) fields. OUTPUT (which must not
exist) receives JSON-lines part files of full `framescope.document/1` documents, each part in id order,
which `framescope compare OUTPUT` reads.

When OUTPUT is on a file system the tasks can write themselves (a `file:` path: a local disk in
local mode, or a mount every node shares, such as Lustre, GPFS or NFS), each task's framescope
process writes its part file directly and the annotations never pass through Python or the JVM;
on any other file system (hdfs:, s3a:, ...) Spark writes them. --spark-writes forces the latter.

Runs with spark-submit, or with plain python3 where `pip install pyspark` is done (then
--master defaults to local[*], and the JVM's class-data archive is kept between runs: see
class_cache). Exit status: 0 all documents annotated, 1 some became
framescope.error/1 lines, 2 OUTPUT exists already, 3 the job failed (a folder this run made is
removed again).
"""

import argparse
import base64
import itertools
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

SHIPPED = "<the manifest shipped with the job>"
DOCUMENT_EXTENSIONS = {".txt", ".text", ".md", ".html", ".htm"}
# What a local run skips as metadata or notes rather than documents (see CorpusWalker).
NOT_DOCUMENTS = {"manifest.csv", "manifest.tsv", "README.md", "SOURCES.md"}


def parse_arguments(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default_binary = os.path.normpath(os.path.join(here, "..", "..", ".build", "portable", "framescope"))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="corpus folder or glob")
    p.add_argument("output", help="output folder for JSON-lines part files (must not exist)")
    p.add_argument("--binary", default=default_binary,
                   help="the framescope executable shipped to executors (default: scripts/build-portable's)")
    p.add_argument("--lexicons", help="a lexicon folder to ship (default: the lexicons built into the binary)")
    p.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, help="at least this many tasks (default: Spark's default parallelism)")
    p.add_argument("--jobs-per-task", type=int, default=1,
                   help="framescope worker threads per task (default 1: Spark runs one task per core)")
    p.add_argument("--send-bytes", action="store_true",
                   help="send each file's bytes through Spark even when INPUT is a file: path")
    p.add_argument("--spark-writes", action="store_true",
                   help="hand the annotations to Spark's writer even when OUTPUT is a file: path")
    p.add_argument("--no-class-cache", action="store_true",
                   help="in local mode, neither use nor write the JVM class-data archive (see class_cache)")
    return p.parse_args(argv)


def class_cache():
    """Where a local-mode run keeps the class-data archive of the JVM it starts: Java 17 loads
    and verifies Spark's few thousand classes again on every start (about 2 s of a run on an
    idle 2-core machine, several times that on a loaded one); with an archive of them (AppCDS, which JDK 19 makes by itself with
    -XX:+AutoCreateSharedArchive) it maps them instead. The name says which pyspark and which
    java it was made for, so an upgrade makes a new one; the JVM also checks the archive
    against its class path and ignores one that does not match. The folder is
    $FRAMESCOPE_SPARK_CACHE, else $XDG_CACHE_HOME/framescope, else ~/.cache/framescope."""
    import hashlib
    import pyspark

    folder = os.environ.get("FRAMESCOPE_SPARK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "framescope")
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not os.path.exists(java):
        return None
    java = os.path.realpath(java)
    if java_major(java) < 13:
        return None  # -XX:ArchiveClassesAtExit came with JDK 13
    conf_dir = os.environ.get("SPARK_CONF_DIR") or os.path.join(
        os.environ.get("SPARK_HOME") or os.path.dirname(os.path.realpath(pyspark.__file__)), "conf")
    if os.path.isdir(conf_dir) and os.listdir(conf_dir):
        # Spark puts its configuration folder on the class path, and the JVM cannot archive
        # classes from a class path with a non-empty folder in it (it says so as it exits).
        return None
    archive = os.path.join(folder, f"spark-{pyspark.__version__}-" + hashlib.sha256("\0".join(
        [pyspark.__version__, os.path.dirname(os.path.realpath(pyspark.__file__)), java,
         str(os.stat(java).st_mtime_ns)]).encode()).hexdigest()[:16] + ".jsa")
    if any(c.isspace() or c in "\"'\\" for c in archive):
        return None  # Spark splits extraJavaOptions on spaces
    if os.path.exists(archive + ".unusable"):
        return None  # an earlier run found that this JVM cannot make or use it
    return archive


def java_major(java):
    """The major version of the JDK `java` belongs to, from its `release` file (no JVM started);
    0 when it cannot be told."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(java)), "release"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("JAVA_VERSION="):
                    version = line.split("=", 1)[1].strip().strip('"')
                    parts = version.split(".")
                    return int(parts[1] if parts[0] == "1" and len(parts) > 1 else parts[0])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def mark_unusable(archive):
    """Remembers that this JVM could not make or use `archive`, so later runs do not try again
    (delete the `.unusable` file, or the cache folder, to try again)."""
    try:
        open(archive + ".unusable", "wb").close()
    except OSError:
        pass


def class_cache_options(archive):
    """The JVM options that use `archive`, or make it (into a temporary name, renamed when the
    JVM has written it whole: see finish_class_cache). CDS's own messages are silenced: a stale
    or foreign archive is ignored, and the run goes on without it; a damaged one is found by its
    checksums (VerifySharedSpaces: about 0.1 s) and ignored too."""
    quiet = "-XX:+VerifySharedSpaces -Xlog:cds=off -Xlog:cds+dynamic=off"
    if os.path.isfile(archive):
        return f"-XX:SharedArchiveFile={archive} {quiet}", None
    try:
        os.makedirs(os.path.dirname(archive), exist_ok=True)
    except OSError:
        return "", None
    scratch = f"{archive}.{os.getpid()}.tmp"
    return f"-XX:ArchiveClassesAtExit={scratch} {quiet}", scratch


def finish_class_cache(context_class, scratch, archive):
    """After spark.stop(): the JVM writes the archive as it exits, and it exits when its stdin
    closes. Wait for it (10-20 s, once per machine), then move the archive in place; if it
    does not finish in five minutes, the run ends without an archive."""
    proc = getattr(getattr(context_class, "_gateway", None), "proc", None)
    try:
        if proc is None:
            return
        proc.stdin.close()
        proc.wait(timeout=300)
        # Only a JVM that exited cleanly wrote the archive whole.
        if proc.returncode == 0 and os.path.getsize(scratch) > 0:
            os.replace(scratch, archive)
        else:
            mark_unusable(archive)
    except (OSError, subprocess.TimeoutExpired):
        mark_unusable(archive)
    finally:
        if os.path.exists(scratch):
            os.remove(scratch)


def relative_path(uri, root):
    """The path of a listed file relative to the corpus root, with '/' separators."""
    if not uri.startswith(root + "/"):
        raise ValueError(f"{uri} is not under {root}")
    return uri[len(root) + 1:]


def is_document(rel):
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    name = parts[-1]
    if name in NOT_DOCUMENTS or name.endswith(".meta.json"):
        return False
    return os.path.splitext(name)[1].lower() in DOCUMENT_EXTENSIONS | {".jsonl"}


def sidecar_keys(rel):
    """The sidecar names a local run tries for a document, in order: NAME.meta.json, then
    NAME.ext.meta.json."""
    return [os.path.splitext(rel)[0] + ".meta.json", rel + ".meta.json"]


def envelopes(rel, data, sidecars, local_root=None):
    """The stdin-jsonl lines for one corpus file: one envelope for a document file, one per line
    for a JSONL file (line numbers as a local run counts them). With `local_root` (data is None)
    the file is on a file system this task reads: a document goes as its path, a JSONL file is
    read here."""
    local_file = None if local_root is None else local_root + "/" + rel
    if rel.lower().endswith(".jsonl"):
        if data is None:
            with open(local_file, "rb") as handle:
                data = handle.read()
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        for number, line in enumerate(lines, start=1):
            if line.endswith(b"\r"):
                line = line[:-1]
            if not line.strip():
                continue
            record = line.decode("utf-8", errors="replace")
            yield json.dumps({"corpus_file": rel, "line": number, "record": record})
        return
    if local_file is not None:
        envelope = {"corpus_file": rel}  # read by framescope from --corpus-root
    else:
        envelope = {"corpus_file": rel, "bytes_base64": base64.b64encode(data).decode("ascii")}
    for key in sidecar_keys(rel):
        if key in sidecars:
            envelope["sidecar"] = sidecars[key]
            break
    # ASCII JSON: a file name that is not UTF-8 (a surrogate escape here) becomes one error line
    # from framescope instead of an encoding error that fails the task.
    yield json.dumps(envelope)


def executable(path):
    """SparkFiles copies may lose the executable bit; give it back (or use a private copy)."""
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        copy = os.path.join(tempfile.mkdtemp(prefix="framescope-"), os.path.basename(path))
        shutil.copy2(path, copy)
        os.chmod(copy, 0o755)
        return copy


def partition_envelopes(files, sidecars, local_root=None):
    """One partition's files in path order (so a part file lists its documents by id, as a local
    run does), as stdin-jsonl lines. When the task reads the corpus itself, its root must be
    visible here."""
    if local_root is not None and not os.path.isdir(local_root):
        import socket
        raise RuntimeError(f"the corpus root {local_root} is not visible on {socket.gethostname()}: INPUT must be on a "
                           "mount every node shares, or use --send-bytes")
    for rel, data in sorted(files, key=lambda kv: kv[0]):
        yield from envelopes(rel, data, sidecars, local_root)


def framescope_command(binary_name, lexicons_name, corpus_root_arg, jobs):
    """The annotate command a task runs. `corpus_root_arg` is the folder whose manifest applies:
    the corpus root itself when the task reads the corpus (it finds manifest and sidecars there),
    SHIPPED for the manifest sent with the job, or None."""
    from pyspark import SparkFiles

    command = [executable(SparkFiles.get(binary_name)), "annotate", "--stdin-jsonl", "--quiet", "--jobs", str(jobs)]
    if lexicons_name:
        command += ["--lexicons", SparkFiles.get(lexicons_name)]
    if corpus_root_arg == SHIPPED:
        command += ["--corpus-root", SparkFiles.getRootDirectory()]
    elif corpus_root_arg:
        command += ["--corpus-root", corpus_root_arg]
    return command


class Framescope:
    """One `framescope annotate --stdin-jsonl` process fed from a thread, its stderr collected by
    another, so neither pipe can fill up and stall the other."""

    def __init__(self, command, lines, stdout):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stdout, stderr=subprocess.PIPE)
        self.failure = []
        self.fed = 0
        self.stderr_chunks = []
        self.writer = threading.Thread(target=self.feed, args=(lines,), daemon=True)
        self.writer.start()
        self.reader = threading.Thread(target=lambda: self.stderr_chunks.append(self.process.stderr.read()), daemon=True)
        self.reader.start()

    def feed(self, lines):
        process = self.process
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8") + b"\n")
                self.fed += 1
        except BaseException as error:  # a broken pipe is reported with framescope's stderr below
            self.failure.append(error)
        finally:
            try:
                process.stdin.close()
            except OSError:
                pass

    def finish(self):
        """Waits for the process; raises if it failed as a whole or could not be fed every line
        (exit 1 only says that some lines became framescope.error/1 lines)."""
        self.writer.join()
        code = self.process.wait()
        self.reader.join()
        # Exit 1 means some lines failed; they are framescope.error/1 lines in the output already.
        if code not in (0, 1) or self.failure:
            message = b"".join(self.stderr_chunks).decode("utf-8", errors="replace").strip()
            raise RuntimeError(f"framescope exited with {code}: {message or self.failure}")
        return code


def is_error_line(line):
    """framescope writes an error line's schema first; a document's text cannot fake it."""
    return line.startswith(b'{"schema":"framescope.error/1"')


def annotate_partition(lines, binary_name, lexicons_name, corpus_root_arg, jobs, counts):
    """Pipes one partition's envelope lines through `framescope annotate --stdin-jsonl` and yields
    its output lines (one per input line, in order, as UTF-8 bytes) for Spark's writer. `counts` are
    accumulators of the documents and of the failed ones (framescope.error/1 lines), so the driver
    need not read the output back."""
    framescope = Framescope(framescope_command(binary_name, lexicons_name, corpus_root_arg, jobs), lines, subprocess.PIPE)
    documents, failed = 0, 0
    for out in framescope.process.stdout:
        documents += 1
        if is_error_line(out):
            failed += 1
        # Bytes go to saveAsTextFile as they are (a str would be encoded again).
        yield out[:-1] if out.endswith(b"\n") else out
    framescope.finish()
    counts[0].add(documents)
    counts[1].add(failed)


def annotate_partition_into(index, lines, output, binary_name, lexicons_name, corpus_root_arg, jobs):
    """The same, but framescope writes the part file itself (OUTPUT/part-NNNNN, through a
    temporary file of this task attempt and a rename, so a retried or speculative attempt never
    leaves half a part), and the task yields only (documents, failed)."""
    from pyspark import TaskContext

    attempt = TaskContext.get().taskAttemptId() if TaskContext.get() else os.getpid()
    final = os.path.join(output, f"part-{index:05d}")
    lines = iter(lines)
    first = next(lines, None)
    if first is None:  # an empty partition: an empty part, as Spark's writer leaves, and no process
        open(final, "wb").close()
        yield (0, 0)
        return
    lines = itertools.chain([first], lines)
    temporary = os.path.join(output, "_temporary", f"part-{index:05d}.attempt-{attempt}")
    try:
        with open(temporary, "wb") as sink:
            framescope = Framescope(framescope_command(binary_name, lexicons_name, corpus_root_arg, jobs), lines, sink)
            code = framescope.finish()
        # One output line per input line, or the part is not complete.
        written_lines = 0
        with open(temporary, "rb") as written:
            for chunk in iter(lambda: written.read(1 << 20), b""):
                written_lines += chunk.count(b"\n")
        if written_lines != framescope.fed:
            raise RuntimeError(f"framescope wrote {written_lines} lines for {framescope.fed} documents")
        failed = 0
        if code == 1:  # only then are there error lines to count
            with open(temporary, "rb") as written:
                failed = sum(1 for line in written if is_error_line(line))
        os.replace(temporary, final)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    yield (framescope.fed, failed)


def corpus_root(spark, pattern):
    """The qualified folder that relative paths start from: the input folder, the folder before
    the first glob character, or a single input file's folder. One file-system call: the files
    themselves are listed by `list_local` or by Spark's binaryFile source."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    parts = pattern.rstrip("/").split("/")
    plain = []
    for part in parts:
        if set("*?[{") & set(part):
            break
        plain.append(part)
    root = jvm.org.apache.hadoop.fs.Path("/".join(plain) or "/")
    fs = root.getFileSystem(conf)
    if len(plain) == len(parts) and fs.exists(root) and fs.getFileStatus(root).isFile():
        root = root.getParent()
    return fs.makeQualified(root).toString().rstrip("/")


def local_path(spark, path):
    """A path as the tasks' operating system names it when its file system is `file:` (the tasks
    can read or write it themselves), else None."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(path)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.getUri().getScheme() != "file":
        return None
    return fs.makeQualified(path).toUri().getPath().rstrip("/") or "/"


def list_local(folder):
    """The files under a local corpus folder as a local run walks them: at any depth, into a
    symlinked folder once, hidden names skipped; relative paths, sorted. On a local or shared
    disk this takes a fraction of a second where Spark's listing job took seconds."""
    found, visited = [], set()

    def walk(directory, relative):
        real = os.path.realpath(directory)
        if real in visited:
            return
        visited.add(real)
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            return
        for name in names:
            if name.startswith("."):
                continue
            path = directory + "/" + name
            rel = relative + "/" + name if relative else name
            if os.path.isdir(path):
                walk(path, rel)
            else:
                found.append(rel)

    walk(folder, "")
    return found


def read_files(spark, pattern):
    """Every file under the input at any depth (a folder or a glob) as rows of path and content.
    The files are listed once, here; the content is only read when it is used."""
    return spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(pattern)


def user_driver_options():
    """Whether the user set driver JVM options where SparkConf() cannot see them before the JVM
    starts (spark-defaults.conf, PYSPARK_SUBMIT_ARGS): the script must not replace them."""
    if "extraJavaOptions" in os.environ.get("PYSPARK_SUBMIT_ARGS", "") or "--driver-java-options" in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        return True
    return user_setting("spark.driver.extraJavaOptions")


def user_setting(key):
    """Whether the user set `key` where SparkConf() cannot see it before the JVM starts
    (spark-defaults.conf, PYSPARK_SUBMIT_ARGS): the script must not replace it."""
    if key in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        return True
    folders = [os.environ.get("SPARK_CONF_DIR")]
    if os.environ.get("SPARK_HOME"):
        folders.append(os.path.join(os.environ["SPARK_HOME"], "conf"))
    for folder in filter(None, folders):
        try:
            with open(os.path.join(folder, "spark-defaults.conf"), encoding="utf-8", errors="replace") as handle:
                if any(line.split()[:1] == [key] for line in handle):
                    return True
        except OSError:
            pass
    return False


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if not os.path.isfile(args.binary):
        sys.exit(f"framescope_spark: no binary at {args.binary} (run scripts/build-portable, or give --binary)")
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("framescope")
    conf = SparkConf()
    # Under spark-submit the JVM runs already (PYSPARK_GATEWAY_PORT) with the master and the
    # settings given there, which this SparkConf() cannot see yet: none of them is touched.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if args.master:
        builder = builder.master(args.master)
    elif not conf.contains("spark.master") and not submitted:
        builder = builder.master("local[*]")
    master = args.master or conf.get("spark.master", "local[*]")
    archive, archive_scratch = None, None
    if master.startswith("local") and not submitted and not conf.contains("spark.driver.extraJavaOptions") and not user_driver_options():
        # In local mode the driver's JVM is the executor too, and it only lists files, schedules
        # tasks and pipes lines while framescope does the work: its C2 JIT compiler would spend
        # more CPU optimising Spark than the run gives it back (13 s of a 2-core run over
        # 26 MB). This applies when python3 starts the JVM; spark-submit has started it already.
        options = base_options = "-XX:TieredStopAtLevel=1"
        archive = None if args.no_class_cache else class_cache()
        if archive is not None:
            cds, archive_scratch = class_cache_options(archive)
            options += " " + cds if cds else ""
        builder = builder.config("spark.driver.extraJavaOptions", options)
    if master.startswith("local") and not submitted and not conf.contains("spark.ui.enabled") and not user_setting("spark.ui.enabled"):
        # A local run is one short job on this machine: the web UI's server costs about 0.7 s of
        # start-up and nobody is there to look at it. A cluster keeps it (it is where its logs are).
        builder = builder.config("spark.ui.enabled", "false")
    try:
        spark = builder.getOrCreate()
    except Exception:
        from pyspark import SparkContext
        if archive is None or SparkContext._gateway is not None:
            raise  # the JVM started: the archive is not what failed
        # A JVM that cannot start with the archive options starts without them, and later runs
        # leave them out.
        mark_unusable(archive)
        archive, archive_scratch = None, None
        spark = builder.config("spark.driver.extraJavaOptions", base_options).getOrCreate()
    sc = spark.sparkContext
    try:
        root = corpus_root(spark, args.input)
        direct = None if args.spark_writes else local_path(spark, args.output)
        local_root = None if args.send_bytes else local_path(spark, root)
        if direct is not None and os.path.exists(direct):
            # Refuse before any work, as Spark's writer would, rather than mix two runs' parts.
            print(f"framescope_spark: output folder {args.output} exists already", file=sys.stderr)
            return 2
        # A plain local folder is listed here; a glob, or any other file system, by Spark.
        walked = None
        input_folder = local_path(spark, args.input) if not set("*?[{") & set(args.input) else None
        if input_folder is not None and not os.path.exists(input_folder):
            print(f"framescope_spark: no corpus at {args.input}", file=sys.stderr)
            return 2
        if local_root is not None and input_folder is not None and os.path.isdir(input_folder):
            walked = [rel for rel in list_local(local_root) if is_document(rel)]
        files = None if walked is not None else read_files(spark, args.input)
        sidecars = {}
        if local_root is not None:
            # The tasks read the corpus themselves: framescope finds each file's sidecar beside it
            # and the root's manifest, as a local run does, and Spark only lists the files.
            corpus_root_arg = local_root
        else:
            # Sidecars and the manifest are small: read them here (one pass over the listing) and
            # send them along.
            from pyspark.sql.functions import col
            corpus_root_arg = None
            scratch = tempfile.mkdtemp(prefix="framescope-spark-")
            manifests = [root + "/manifest.csv", root + "/manifest.tsv"]  # only the root's applies, as in a local run
            metadata = files.filter(col("path").endswith(".meta.json") | col("path").isin(manifests))
            for row in metadata.select("path", "content").collect():
                name = relative_path(row.path, root)
                if row.path in manifests:
                    with open(os.path.join(scratch, name), "wb") as handle:
                        handle.write(bytes(row.content))
                    sc.addFile(os.path.join(scratch, name))
                    corpus_root_arg = SHIPPED
                    continue
                try:
                    sidecars[name] = json.loads(bytes(row.content).decode("utf-8"))
                except ValueError:
                    pass  # a local run ignores a sidecar that is not a JSON object, too
        sc.addFile(args.binary)
        lexicons_name = None
        if args.lexicons:
            sc.addFile(os.path.abspath(args.lexicons), recursive=True)
            lexicons_name = os.path.basename(os.path.abspath(args.lexicons).rstrip("/"))
        shared_sidecars = sc.broadcast(sidecars)

        partitions = args.partitions or sc.defaultParallelism
        # Spark packs small files into a partition up to 128 MB, counting 4 MB of "open cost" per
        # file; with news-sized files that cost dominates. A smaller one, and a minimum number of
        # partitions, give about --partitions tasks without a shuffle of the corpus.
        spark.conf.set("spark.sql.files.openCostInBytes", str(64 << 10))
        spark.conf.set("spark.sql.files.minPartitionNum", str(partitions))
        binary_name = os.path.basename(args.binary)
        jobs = args.jobs_per_task
        counts = (sc.accumulator(0), sc.accumulator(0))
        if walked is not None:
            # About 2,000 documents a task, as Spark's packing of news-sized files gives.
            documents = sc.parallelize([(rel, None) for rel in walked], max(partitions, -(-len(walked) // 2000)))
        elif local_root is not None:
            # Only the paths travel; the content column is never read.
            documents = (files.select("path").rdd
                         .map(lambda row: (relative_path(row.path, root), None))
                         .filter(lambda kv: is_document(kv[0])))
        else:
            documents = (files.select("path", "content").rdd
                         .map(lambda row: (relative_path(row.path, root), bytes(row.content)))
                         .filter(lambda kv: is_document(kv[0])))
        if direct is not None:
            os.makedirs(os.path.join(direct, "_temporary"))
            try:
                results = documents.mapPartitionsWithIndex(
                    lambda index, part: annotate_partition_into(index, partition_envelopes(part, shared_sidecars.value, local_root),
                                                                direct, binary_name, lexicons_name, corpus_root_arg, jobs)).collect()
            except Exception as error:
                # This run made the folder: remove it, so no partial parts are read and a re-run may start.
                shutil.rmtree(direct, ignore_errors=True)
                print(f"framescope_spark: the job failed, {args.output} removed: {str(error).splitlines()[0][:500]}", file=sys.stderr)
                return 3
            shutil.rmtree(os.path.join(direct, "_temporary"), ignore_errors=True)
            open(os.path.join(direct, "_SUCCESS"), "wb").close()
            total, errors = sum(r[0] for r in results), sum(r[1] for r in results)
        else:
            annotated = documents.mapPartitions(
                lambda part: annotate_partition(partition_envelopes(part, shared_sidecars.value, local_root),
                                                binary_name, lexicons_name, corpus_root_arg, jobs, counts))
            annotated.saveAsTextFile(args.output)
            total, errors = counts[0].value, counts[1].value
        print(f"annotated {total} documents into {args.output} on {sc.master}"
              + (f"; {errors} failed (framescope.error/1 lines)" if errors else ""))
        return 1 if errors else 0
    finally:
        spark.stop()
        if archive_scratch is not None:
            from pyspark import SparkContext
            finish_class_cache(SparkContext, archive_scratch, archive)


if __name__ == "__main__":
    sys.exit(main())
