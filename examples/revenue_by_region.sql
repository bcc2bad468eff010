-- Revenue and buyers per region, from the bundled sample data.
SELECT s.region,
       count(*)                  AS sales,
       count(DISTINCT s.user_id) AS buyers,
       round(sum(s.qty * p.price), 2) AS revenue
FROM sales s
JOIN products p ON s.product_id = p.product_id
GROUP BY s.region
ORDER BY revenue DESC;
