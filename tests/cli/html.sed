# html.sed - what the HTML goldens leave out: the compiled-in stylesheet and script (their
# own files are in src/report/assets/) and the CSP hashes of them, which change with them.
/^<style>/,/^<\/style>$/c\
[the stylesheet, src/report/assets/report.css]
/^<script>/,/^<\/script>$/c\
[the script, src/report/assets/report.js]
s/'sha256-[A-Za-z0-9+\/=]*'/'sha256-…'/g
