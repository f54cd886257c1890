export { createKafka, parseBrokers } from './client.ts';
export type { CreateKafkaOptions } from './client.ts';
export { createProducer, toPublishError } from './producer.ts';
export type { HubProducer, CreateProducerOptions } from './producer.ts';
export { topicNames, hubTopicSpecs, ensureTopics, describeTopicConfigs, REGISTRIES } from './topics.ts';
export type { TopicNames, TopicSpec, HubTopicOptions, EnsureTopicsReport, ConfigDrift, Registry } from './topics.ts';
export { kafkaReadiness } from './readiness.ts';
export type { Kafka, Admin, Producer, Consumer, Message, KafkaMessage, EachBatchPayload } from 'kafkajs';
