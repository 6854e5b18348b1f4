/** @argus/core/news: news reports in — boilerplate stripped, dates, places, people, figures and statistics extracted — clustered into events. */
export * from './clean-article.js';
export * from './news-dates.js';
export * from './casualty-figures.js';
export * from './name-mentions.js';
export * from './extract-report.js';
export * from './cluster-reports.js';
