<#import "common.ftl" as c>
补正材料已收到<#if complete>（材料齐全）</#if><#if title?has_content>（${title}）</#if>
您好：

您就受理编号 ${reference} 提交的补正材料已收到（第${case.version}次提交），收到时间：${receivedAt}（北京时间）。

<@c.attachmentList/>

<#if complete>
核对结果：补正后的《新职业建议书》<#if case.fileName?has_content>（${case.fileName}）</#if>未发现需要补正的问题，材料已齐全，将进入后续审核。
<#else>
核对结果：补正后的材料仍有以下问题需要处理：
<#list case.errors as e>
  ${e?counter}. ${e}
</#list>
<#list submissionFindings as f>
<#if !case.errors?seq_contains(f)>
  - ${f}
</#if>
</#list>

<@c.howToResubmit/>
</#if>

<@c.nextSteps/>

<@c.paperCopy/>

<@c.contact/>
