-- wrk script: POST the JSON body in $BODY_FILE (TF Serving REST row format) to the URL's path.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
