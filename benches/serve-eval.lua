-- wrk script for benches/serve.sh: every request POSTs one case (the Larkana example as JSON)
-- to the eval API and counts any answer other than 200 as an error.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"case": {"title": "Girl from Punjab sold into prostitution in Larkana", "date": "2023-03-10", "province": "sindh"},
 "victim": {"age": 16, "sex": "female", "nationality": "pakistani", "disability": false},
 "accused": {"public_servant": false, "organized_group": true, "relationship": "stranger"},
 "conduct": {"acts": ["recruit", "transport", "sell"], "means": ["deception", "threat"], "purposes": ["prostitution"],
   "exploitation_occurred": true, "financial_benefit": true, "victim_consented": false},
 "movement": {"origin": {"country": "pakistan", "province": "punjab", "district": "rahim_yar_khan"},
   "destination": {"country": "pakistan", "province": "sindh", "district": "larkana"},
   "crossed_border": false, "illegal_entry": false, "forged_documents": false}}]]

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({ 50, 90, 99 }) do
    io.write(string.format("p%d latency: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("non-2xx: %d, socket errors: %d\n", bad + summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
