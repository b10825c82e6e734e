#!/usr/bin/env python3
"""Annotate a corpus on Spark with the portable framescope binary.

    framescope_spark.py INPUT OUTPUT [--binary PATH] [--lexicons DIR] [--master URL]
                        [--partitions N] [--jobs-per-task N]

INPUT is a corpus folder or a glob (any file system Spark reads: file:, hdfs:, s3a:, ...). Its
.txt/.text/.md/.html/.htm files go to the executors as raw bytes, and its .jsonl files line by
line, so a document is decoded (GB18030, Big5, UTF-16, ...) and given metadata exactly as a local
`framescope annotate INPUT` would: same ids, same folder-layout source, same sidecar
(NAME.meta.json) and manifest (manifest.csv/.tsv at the root) fields. OUTPUT (which must not
exist) receives JSON-lines part files of full `framescope.document/1` documents, each part in id order,
which `framescope compare OUTPUT` reads.

Runs with spark-submit, or with plain python3 where `pip install pyspark` is done (then
--master defaults to local[*]).
"""

import argparse
import base64
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

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
    p.add_argument("--partitions", type=int, help="number of tasks (default: Spark's default parallelism)")
    p.add_argument("--jobs-per-task", type=int, default=1,
                   help="framescope worker threads per task (default 1: Spark runs one task per core)")
    return p.parse_args(argv)


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


def envelopes(rel, data, sidecars):
    """The stdin-jsonl lines for one corpus file: one envelope for a document file, one per line
    for a JSONL file (line numbers as a local run counts them)."""
    if rel.lower().endswith(".jsonl"):
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        for number, line in enumerate(lines, start=1):
            if line.endswith(b"\r"):
                line = line[:-1]
            if not line.strip():
                continue
            record = line.decode("utf-8", errors="replace")
            yield json.dumps({"corpus_file": rel, "line": number, "record": record}, ensure_ascii=False)
        return
    envelope = {"corpus_file": rel, "bytes_base64": base64.b64encode(data).decode("ascii")}
    for key in sidecar_keys(rel):
        if key in sidecars:
            envelope["sidecar"] = sidecars[key]
            break
    yield json.dumps(envelope, ensure_ascii=False)


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


def partition_envelopes(files, sidecars):
    """One partition's files in path order (so a part file lists its documents by id, as a local
    run does), as stdin-jsonl lines. A partition is at most spark.sql.files.maxPartitionBytes."""
    for rel, data in sorted(files, key=lambda kv: kv[0]):
        yield from envelopes(rel, data, sidecars)


def annotate_partition(lines, binary_name, lexicons_name, has_manifest, jobs, counts):
    """Pipes one partition's envelope lines through `framescope annotate --stdin-jsonl` and yields
    its output lines (one per input line, in order, as UTF-8 bytes). `counts` are accumulators of the documents
    and of the failed ones (framescope.error/1 lines), so the driver need not read the output back."""
    from pyspark import SparkFiles

    command = [executable(SparkFiles.get(binary_name)), "annotate", "--stdin-jsonl", "--quiet", "--jobs", str(jobs)]
    if lexicons_name:
        command += ["--lexicons", SparkFiles.get(lexicons_name)]
    if has_manifest:
        command += ["--corpus-root", SparkFiles.getRootDirectory()]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    failure = []

    def feed():
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8") + b"\n")
        except BaseException as error:  # a broken pipe is reported with framescope's stderr below
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except OSError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    stderr_chunks = []
    reader = threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True)
    reader.start()
    documents, failed = 0, 0
    for out in process.stdout:
        documents += 1
        if b'"framescope.error/1"' in out:
            failed += 1
        # Bytes go to saveAsTextFile as they are (a str would be encoded again).
        yield out[:-1] if out.endswith(b"\n") else out
    counts[0].add(documents)
    counts[1].add(failed)
    writer.join()
    code = process.wait()
    reader.join()
    # Exit 1 means some lines failed; they are framescope.error/1 lines in the output already.
    if code not in (0, 1) or failure:
        message = b"".join(stderr_chunks).decode("utf-8", errors="replace").strip()
        raise RuntimeError(f"framescope exited with {code}: {message or failure}")


def corpus_root(spark, pattern):
    """The qualified folder that relative paths start from: the input folder, the folder before
    the first glob character, or a single input file's folder. One file-system call: the files
    themselves are listed by Spark's binaryFile source, in parallel for large folders."""
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


def read_files(spark, pattern, name_glob=None):
    """Every file under the input at any depth (a folder or a glob) as rows of path and content;
    the content is only read when it is used."""
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if name_glob:
        reader = reader.option("pathGlobFilter", name_glob)
    return reader.load(pattern)


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if not os.path.isfile(args.binary):
        sys.exit(f"framescope_spark: no binary at {args.binary} (run scripts/build-portable, or give --binary)")
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("framescope")
    if args.master:
        builder = builder.master(args.master)
    elif not SparkConf().contains("spark.master"):
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        root = corpus_root(spark, args.input)

        # Sidecars and the manifest are small: read them here and send them along.
        sidecars = {}
        for row in read_files(spark, args.input, "*.meta.json").collect():
            try:
                sidecars[relative_path(row.path, root)] = json.loads(bytes(row.content).decode("utf-8"))
            except ValueError:
                pass  # a local run ignores a sidecar that is not a JSON object, too
        scratch = tempfile.mkdtemp(prefix="framescope-spark-")
        has_manifest = False
        for row in read_files(spark, args.input, "manifest.[ct]sv").collect():
            name = relative_path(row.path, root)
            if "/" in name:
                continue  # only the corpus root's manifest applies, as in a local run
            with open(os.path.join(scratch, name), "wb") as handle:
                handle.write(bytes(row.content))
            sc.addFile(os.path.join(scratch, name))
            has_manifest = True
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
        documents = (read_files(spark, args.input).select("path", "content").rdd
                     .map(lambda row: (relative_path(row.path, root), bytes(row.content)))
                     .filter(lambda kv: is_document(kv[0])))
        annotated = documents.mapPartitions(
            lambda part: annotate_partition(partition_envelopes(part, shared_sidecars.value),
                                            binary_name, lexicons_name, has_manifest, jobs, counts))
        annotated.saveAsTextFile(args.output)
        errors = counts[1].value
        print(f"annotated {counts[0].value} documents into {args.output}"
              + (f"; {errors} failed (framescope.error/1 lines)" if errors else ""))
        return 1 if errors else 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
