# The PdfRenderer's link to one resident LibreOffice (written out at start, run with the system python that has python3-uno).
# Usage: resident.py PIPE-NAME CONNECT-SECONDS. Connects over the named pipe (retrying while LibreOffice starts), says
# "ready", then per stdin line "INPUT<TAB>OUTPUT" (absolute paths) answers one line: "ok", "dead <why>" when LibreOffice
# was gone before the document was touched, or "error <why>". On end of input it closes LibreOffice and exits.
import os
import sys
import time


def say(line):
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except Exception as e:  # python3-uno missing: the renderer falls back to one soffice per conversion.
    say("error cannot import uno (install python3-uno): %s" % e)
    sys.exit(3)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    deadline = time.monotonic() + seconds
    while True:
        try:
            context = resolver.resolve(url)
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def convert(desktop, source, target):
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                            (prop("Hidden", True), prop("ReadOnly", True),
                                             # No links fetched, no macros run: the documents come from users.
                                             prop("UpdateDocMode", 0), prop("MacroExecutionMode", 0)))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)


def main():
    pipe, seconds = sys.argv[1], float(sys.argv[2])
    try:
        desktop = connect(pipe, seconds)
    except Exception as e:
        say("error cannot connect to LibreOffice: %s" % e)
        return 2
    say("ready")
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        source, target = line.split("\t", 1)
        try:
            # A cheap call first: a LibreOffice that died since the last document fails here, before this one is touched.
            desktop.getFrames().getCount()
        except Exception as e:
            say("dead %s" % e)
            return 1
        try:
            convert(desktop, source, target)
            say("ok")
        except Exception as e:
            say("error %s: %s" % (type(e).__name__, e))
    try:
        desktop.terminate()
    except Exception:
        pass  # Already gone; the renderer kills what is left.
    try:
        # LibreOffice leaves its pipe's socket behind; the name was this instance's alone (the renderer may be gone).
        os.unlink("/tmp/OSL_PIPE_%d_%s" % (os.getuid(), pipe))
    except OSError:
        pass
    return 0


sys.exit(main())
