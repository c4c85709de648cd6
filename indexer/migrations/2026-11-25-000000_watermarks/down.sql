DROP TABLE watermarks;
