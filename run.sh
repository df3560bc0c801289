#!/usr/bin/env bash
# 新职业征集邮件受理服务 — one entry point.
#   ./run.sh                 run the service (embedded Maildir under var/mailbox)
#   ./run.sh test            install what the tests need, then run every test
#   ./run.sh bench           run the benchmarks (speed and memory figures)
#   ./run.sh reliability [kill|faults|hostile]   the long reliability runs of RELIABILITY.md
#   ./run.sh <command> ...   any command: poll, import, list, show, reprocess, status, parse, ... (--help)
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/xzy-intake.jar
# Class-data archive (AppCDS) of the query commands, recorded once per build of the jar (issue 12).
CDS=target/xzy-intake.jsa
# SQLite's native library, copied out of the jar with the archive: the driver otherwise writes it to
# the temporary directory and reads it back byte by byte on every command (issue 12).
NATIVE=target/native
# Staff's query commands are short: the quick compiler alone and the serial collector start faster.
QUERY_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# A batch (import, one poll, reprocess, parse) ends within minutes: the optimising compiler spent more
# CPU compiling than it saved and took the second core from the pipeline's workers, and the serial
# collector keeps the heap, and so the process, small (issue 12: import 23.5 s -> 17.3 s, peak RSS
# 366 -> 235 MiB). The same for `summary` (issue 12: the 43 files of 100,000 proposals took 27 s of CPU
# with the JVM's defaults, 16 s with these, and peak RSS 410 -> 260 MiB; median of 3). The quick compiler
# starts on a method after 50 calls instead of 200: an import interpreted less (1,000 mails, median of 4,
# alternated: 10.1 -> 9.4 s). The young generation is held at 64 MiB, which cost no time and took peak
# RSS from 251 to 200 MiB. The long-running service keeps the JVM's defaults.
BATCH_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn64m -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=20 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=10000"

build_if_stale() {
  if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    echo "正在构建（源代码有变化）…" >&2
    mvn -q -B -DskipTests package >&2
  fi
}

# Records the class-data archive (and copies the native library) when it is missing or older than
# the jar: one run of every query command on an empty register lists the classes they load, then the
# JVM dumps them. A static archive, not -XX:ArchiveClassesAtExit: JDK 17's dynamic archive leaves out
# class files older than Java 6, which is all of picocli, so they were read from the jar on every
# command (issue 12: status 1.00 -> 0.84 s of CPU). The dump runs with the default collector so that the
# archive also holds interned strings and class mirrors, which the serial collector maps as well.
# A failure only costs start-up time, never the command.
ensure_class_archive() {
  if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then
    rm -rf target/cds-training
    if java $QUERY_JVM -Xshare:off -Xlog:disable -XX:DumpLoadedClassList="$CDS.$$.classes" -cp "$JAR" \
        cn.gdhrss.intake.cli.ArchiveTraining target/cds-training "$NATIVE" >/dev/null 2>&1 \
      && java -Xshare:dump -Xlog:disable -XX:SharedClassListFile="$CDS.$$.classes" -XX:SharedArchiveFile="$CDS.$$" \
        -cp "$JAR" >/dev/null 2>&1 && [ -f "$CDS.$$" ]; then
      mv -f "$CDS.$$" "$CDS"
    else
      rm -f "$CDS.$$"
    fi
    rm -f "$CDS.$$.classes"
  fi
}

install_test_packages() {
  # Debian packages the integration tests use, installed once: LibreOffice converts the summaries
  # to PDF (read back by the tests), Noto CJK gives it Chinese glyphs.
  local missing=()
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # LetterScreenshotsIT renders every reply template in headless Chromium at phone and desktop width.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # ConsoleBrowserIT drives the staff console in that Chromium through Selenium and its chromedriver.
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # The end-to-end suite reads a real IMAP server and sends through a real MTA: Debian's Dovecot and
  # Postfix, each started by its test on a loopback port with a configuration of its own.
  [ -x /usr/lib/dovecot/imap ] || missing+=(dovecot-imapd)
  # MailRoundTripE2EIT also takes the submission over POP3: Dovecot's pop3 protocol is its own package.
  [ -x /usr/lib/dovecot/pop3 ] || missing+=(dovecot-pop3d)
  [ -x /usr/sbin/postfix ] || missing+=(postfix)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "安装测试所需软件包：${missing[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    else
      echo "缺少测试所需软件包：${missing[*]}（请以 root 运行 ./run.sh test 或手动安装）" >&2
    fi
  fi
}

case "${1:-serve}" in
  test)
    shift
    install_test_packages
    exec mvn -B verify "$@"
    ;;
  bench)
    shift
    # The anchors the figures are compared with: ripmime (Debian) and Apache Tika's app (Maven
    # Central). A missing one stops the run: a figure without its anchor says nothing.
    if ! command -v ripmime >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ]; then
        echo "安装对比所需软件包：ripmime" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ripmime >&2 || true
      fi
      command -v ripmime >/dev/null 2>&1 || { echo "缺少对比所需的 ripmime；请以 root 运行 ./run.sh bench 或执行 apt-get install ripmime 后重试。" >&2; exit 1; }
    fi
    [ -x /usr/bin/time ] || { echo "缺少 /usr/bin/time（Debian 软件包 time），无法测量内存峰值；请先安装。" >&2; exit 1; }
    mvn -q -B -DskipTests test-compile >&2
    build_if_stale
    # Made here, untimed: otherwise the first timed ./run.sh of a section records it.
    ensure_class_archive
    [ -f target/bench/tika-app-3.2.2.jar ] || mvn -q -B dependency:copy -Dartifact=org.apache.tika:tika-app:3.2.2 \
      -DoutputDirectory=target/bench >&2 || true
    [ -f target/bench/tika-app-3.2.2.jar ] || { echo "无法取得 Apache Tika 命令行程序 tika-app-3.2.2.jar（Maven 中央仓库）；请检查网络后重试。" >&2; exit 1; }
    CP="target/test-classes:$JAR"
    exec java -Xmx1g -Dbench.tikaApp=target/bench/tika-app-3.2.2.jar -cp "$CP" cn.gdhrss.intake.bench.Benchmarks "$@"
    ;;
  reliability)
    shift
    what="${1:-kill}"
    [ $# -gt 0 ] && shift
    install_test_packages
    case "$what" in
      kill)
        # SIGKILL at seeded points during an IMAP intake with SMTP replies; checked against an uninterrupted run.
        # Arguments: [messages] [kills] [seed] (default 500 24 11).
        mvn -q -B -DskipTests test-compile >&2
        mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >&2
        out=target/reliability/kill
        rm -rf "$out" && mkdir -p "$out"
        exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
          cn.gdhrss.intake.reliability.KillHarness "${1:-500}" "${2:-24}" "${3:-11}" "$out"
        ;;
      faults)
        exec mvn -B verify -Dtest=FaultWatchTest -Dit.test='FaultsIT,ImapFailuresIT,SmtpDeliveryIT,HealthDetectorIT,LeftoverTemporaryFilesIT,CrashBetweenCommitsIT,ImapStoppedMidPassE2EIT' \
          -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
        ;;
      hostile)
        exec mvn -B verify -Dtest='ArchiveExtractionTest,MimeStructureTest,AttachmentNamesTest,MailCorpusExtractionTest,HeaderValueDecodingTest,MailCharsetsTest,TypeDetectionTest' \
          -Dit.test='CorpusImportIT,LargeMessageIT,ManyAttachmentsIT,SubmissionPipelineIT,FormReaderIT' \
          -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
        ;;
      *)
        echo "用法：./run.sh reliability [kill|faults|hostile]" >&2
        exit 1
        ;;
    esac
    ;;
  *)
    build_if_stale
    ensure_class_archive
    # A missing or unusable archive is skipped by the JVM (-Xshare:auto); its warnings go to stderr.
    SHARE="-Xshare:auto -XX:SharedArchiveFile=$CDS -Xlog:disable -Xlog:all=warning:stderr"
    # Only a copy made from this jar: one of another driver version would not fit its Java side.
    # A library that does not load is skipped by the driver, which then extracts its own.
    if [ -d "$NATIVE" ] && [ "$NATIVE" -nt "$JAR" ]; then
      SHARE="$SHARE -Dorg.sqlite.lib.path=$NATIVE -Dorg.sqlite.tmpdir=$NATIVE"
    fi
    case "${1:-serve}" in
      status|list|show|search|todo) exec java $QUERY_JVM $SHARE ${JAVA_OPTS:-} -Dfile.encoding=UTF-8 -jar "$JAR" "$@" ;;
      import|poll|reprocess|parse|summary) exec java $BATCH_JVM $SHARE ${JAVA_OPTS:-} -Dfile.encoding=UTF-8 -jar "$JAR" "$@" ;;
      *) exec java $SHARE ${JAVA_OPTS:-} -Dfile.encoding=UTF-8 -jar "$JAR" "$@" ;;
    esac
    ;;
esac
